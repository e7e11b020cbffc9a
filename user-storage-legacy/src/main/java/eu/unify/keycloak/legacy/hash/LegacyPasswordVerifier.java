package eu.unify.keycloak.legacy.hash;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a password against a hash a legacy application stored, for every format in {@link LegacyHashFamily}, with
 * the libraries Keycloak ships (Bouncy Castle, commons-codec). Plain Java, no Keycloak types.
 *
 * <h2>How a row's format is decided</h2>
 * <ol>
 *   <li>If the row has a {@code hash_algorithm} hint, it decides: a self-describing family's name requires the hash
 *       to be of that family; a digest name ({@code md5}, {@code sha1}, {@code sha256}, {@code sha512}, optionally
 *       followed by {@code :salt-before}/{@code :salt-after} and {@code :hex}/{@code :base64}) reads the hash as a
 *       bare digest, taking what the hint leaves out from the settings. An unknown hint is an unsupported format,
 *       never a silent fallback.</li>
 *   <li>Otherwise a self-describing hash ({@code $2y$}, {@code $6$}, {@code {SSHA}}, ...) is recognised by its
 *       prefix.</li>
 *   <li>Anything else is a bare digest read with this verifier's {@link BareDigestSettings}.</li>
 * </ol>
 *
 * <h2>Guarantees</h2>
 * Passwords are taken as UTF-8. Comparisons are constant-time ({@link java.security.MessageDigest#isEqual} or the
 * library's own). Nothing is logged, and no exception leaves this class: an empty, malformed or unknown hash, or one
 * whose cost parameters exceed the documented limits, gives {@link VerifyResult#UNSUPPORTED_FORMAT}. Instances are
 * immutable and thread-safe.
 */
public final class LegacyPasswordVerifier {

    private final BareDigestSettings digestSettings;

    /** A verifier that reads bare digests with {@link BareDigestSettings#DEFAULTS}. */
    public LegacyPasswordVerifier() {
        this(BareDigestSettings.DEFAULTS);
    }

    /** @param digestSettings how to read bare digests, the legacy store's settings */
    public LegacyPasswordVerifier(BareDigestSettings digestSettings) {
        this.digestSettings = Objects.requireNonNull(digestSettings, "digestSettings");
    }

    public BareDigestSettings digestSettings() {
        return digestSettings;
    }

    /**
     * Whether the password matches the legacy row's hash: the check the legacy user storage provider makes at each
     * login while an account is linked. Unsupported or malformed hashes never match; use {@link #verify} to tell
     * them apart from a wrong password.
     *
     * @param password      what the user typed
     * @param hash          the row's {@code password_hash}
     * @param salt          the row's {@code password_salt}, or {@code null}; used by bare digests only
     * @param algorithmHint the row's {@code hash_algorithm}, or {@code null}/blank
     */
    public boolean matches(String password, String hash, String salt, String algorithmHint) {
        return verify(password, hash, salt, algorithmHint) == VerifyResult.MATCH;
    }

    /** As {@link #matches}, telling a wrong password ({@code MISMATCH}) from unusable data ({@code UNSUPPORTED_FORMAT}). */
    public VerifyResult verify(String password, String hash, String salt, String algorithmHint) {
        return resolve(hash, salt, algorithmHint)
                .map(legacyHash -> verify(password, legacyHash))
                .orElse(VerifyResult.UNSUPPORTED_FORMAT);
    }

    /**
     * Decides a legacy row's format (see the class comment) and checks that the hash is well-formed for it.
     *
     * @return the hash with its format, or empty if the hash is blank, malformed, beyond the supported limits, or the
     * hint is unknown or contradicts the hash
     */
    public Optional<LegacyHash> resolve(String hash, String salt, String algorithmHint) {
        if (hash == null || hash.isBlank()) {
            return Optional.empty();
        }
        String stored = hash.strip();
        Optional<LegacyHashFamily> recognised = LegacyHashFamily.recognise(stored);
        LegacyHash candidate;
        if (algorithmHint == null || algorithmHint.isBlank()) {
            LegacyHashFamily family = recognised.orElse(LegacyHashFamily.BARE_DIGEST);
            candidate = new LegacyHash(family, stored, salt,
                    family == LegacyHashFamily.BARE_DIGEST ? digestSettings : null);
        } else {
            Optional<AlgorithmHint> hint = AlgorithmHint.parse(algorithmHint, digestSettings);
            if (hint.isEmpty()) {
                return Optional.empty();
            }
            LegacyHashFamily family = hint.get().family();
            if (family != LegacyHashFamily.BARE_DIGEST && recognised.orElse(null) != family) {
                return Optional.empty();
            }
            candidate = new LegacyHash(family, stored, salt, hint.get().settings());
        }
        return isWellFormed(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** Whether the hash is well-formed for its family and within the supported limits. */
    public static boolean isWellFormed(LegacyHash hash) {
        try {
            return HashSchemes.of(hash.family()).isWellFormed(hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Checks a password against a hash whose format is already known, e.g. one carried over into a Keycloak
     * credential. A {@code null} password never matches.
     */
    public static VerifyResult verify(String password, LegacyHash hash) {
        Objects.requireNonNull(hash, "hash");
        if (password == null) {
            return isWellFormed(hash) ? VerifyResult.MISMATCH : VerifyResult.UNSUPPORTED_FORMAT;
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            return HashSchemes.of(hash.family()).verify(bytes, hash);
        } catch (RuntimeException e) {
            // A library rejected a parameter our parsers let through. Its message may quote the hash: drop it.
            return VerifyResult.UNSUPPORTED_FORMAT;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
