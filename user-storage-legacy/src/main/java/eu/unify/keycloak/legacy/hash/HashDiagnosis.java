package eu.unify.keycloak.legacy.hash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the admin's "test one account's hash settings" tool says about one legacy row: which scheme the stored hash
 * appears to use, how the store's settings (and the row's {@code hash_algorithm}) read it, and, given the password
 * the account holder types with the admin, whether it matches and with which scheme and salt position. A wrong salt
 * position otherwise looks exactly like a wrong password.
 *
 * <p>Never carries the hash, the salt or the password: only scheme names in the syntax of the {@code hash_algorithm}
 * column ({@code bcrypt}, {@code md5:salt-before:hex}, ...), which an admin can put into the row or the store's
 * "Plain digests" options as they are.
 *
 * @param appearsToBe     the schemes the hash's shape fits: one self-describing family, or for a bare digest every
 *                        algorithm and encoding its length and characters fit; empty when it fits none
 * @param readAs          the scheme the store's settings and the row's hint read the hash with; null when they cannot
 *                        read it (malformed, hint unknown or contradicting the hash)
 * @param saltColumn      whether the row has a separate salt
 * @param passwordChecked whether a password was given
 * @param matches         whether the password matches as the store reads the hash (what sign-in does); null without
 *                        a password
 * @param matchingScheme  the scheme the password matches with, trying every scheme the hash appears to use and both
 *                        salt positions; null without a password or when none matches
 */
public record HashDiagnosis(List<String> appearsToBe, String readAs, boolean saltColumn, boolean passwordChecked,
                            Boolean matches, String matchingScheme) {

    /** Diagnoses a row; {@code password} may be null (shape only). */
    public static HashDiagnosis of(BareDigestSettings storeSettings, String hash, String salt, String hint,
                                   String password) {
        boolean salted = salt != null && !salt.isEmpty();
        List<LegacyHash> candidates = candidates(hash, salted ? salt : null);
        Optional<LegacyHash> resolved = new LegacyPasswordVerifier(storeSettings).resolve(hash, salt, hint);
        Set<String> shapes = new LinkedHashSet<>();
        candidates.forEach(candidate -> shapes.add(name(candidate, false)));
        String readAs = resolved.map(h -> name(h, salted)).orElse(null);
        if (password == null) {
            return new HashDiagnosis(List.copyOf(shapes), readAs, salted, false, null, null);
        }
        boolean matches = resolved.map(h -> LegacyPasswordVerifier.verify(password, h) == VerifyResult.MATCH)
                .orElse(false);
        String matching = matches ? readAs : null;
        for (int i = 0; matching == null && i < candidates.size(); i++) {
            if (LegacyPasswordVerifier.verify(password, candidates.get(i)) == VerifyResult.MATCH) {
                matching = name(candidates.get(i), salted);
            }
        }
        return new HashDiagnosis(List.copyOf(shapes), readAs, salted, true, matches, matching);
    }

    /** Every way the hash's shape can be read: its self-describing family, or each fitting bare digest. */
    private static List<LegacyHash> candidates(String hash, String salt) {
        List<LegacyHash> candidates = new ArrayList<>();
        if (hash == null || hash.isBlank()) {
            return candidates;
        }
        String stored = hash.strip();
        Optional<LegacyHashFamily> family = LegacyHashFamily.recognise(stored);
        if (family.isPresent()) {
            LegacyHash candidate = new LegacyHash(family.get(), stored, null, null);
            if (LegacyPasswordVerifier.isWellFormed(candidate)) {
                candidates.add(candidate);
            }
            return candidates;
        }
        for (DigestEncoding encoding : DigestEncoding.values()) {
            for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
                for (SaltPosition position : salt == null ? List.of(SaltPosition.AFTER_PASSWORD)
                        : List.of(SaltPosition.values())) {
                    LegacyHash candidate = new LegacyHash(LegacyHashFamily.BARE_DIGEST, stored, salt,
                            new BareDigestSettings(algorithm, position, encoding));
                    if (LegacyPasswordVerifier.isWellFormed(candidate)) {
                        candidates.add(candidate);
                    }
                }
            }
        }
        return candidates;
    }

    /** The scheme in {@code hash_algorithm} syntax; the salt position only where a salt takes part. */
    static String name(LegacyHash hash, boolean withSaltPosition) {
        if (hash.family() != LegacyHashFamily.BARE_DIGEST) {
            return hash.family().name().toLowerCase(Locale.ROOT).replace("_crypt", "-crypt").replace('_', '-');
        }
        BareDigestSettings settings = hash.digestSettings();
        String algorithm = settings.algorithm().name().toLowerCase(Locale.ROOT).replace("_", "");
        String position = settings.saltPosition() == SaltPosition.BEFORE_PASSWORD ? "salt-before" : "salt-after";
        String encoding = settings.encoding().name().toLowerCase(Locale.ROOT);
        return withSaltPosition ? algorithm + ":" + position + ":" + encoding : algorithm + ":" + encoding;
    }
}
