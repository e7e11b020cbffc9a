package eu.unify.keycloak.activation.code;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashing of codes with HMAC-SHA256 from the JDK ({@link Mac}), so that a leaked store reveals no usable codes
 * and short numeric codes cannot be brute-forced offline without the key.
 *
 * <p>The MAC input binds the code to what it is for, so a code can't be replayed for another purpose or user. All
 * fields are UTF-8 and separated by a 0x00 byte, which none of them may contain, so the encoding is unambiguous:
 * <pre>
 *   session code:  "unify-code/v1" 0x00 purpose.id 0x00 subject 0x00 normalizedCode
 *   account code:  "unify-code/v1" 0x00 purpose.id 0x00 normalizedCode
 * </pre>
 * The leading tag separates these MACs from anything else computed with the same realm key and versions the layout.
 * Account codes are looked up by hash before any user is known, so their hash cannot bind a subject; session and
 * account purposes have different ids, so the two layouts never collide.
 *
 * <p>The output is base64url without padding (43 characters). Instances are immutable and thread-safe: a fresh
 * {@link Mac} is made per call.
 */
public final class CodeHasher {

    /** JCA name of the MAC. */
    public static final String ALGORITHM = "HmacSHA256";

    /** Domain separation and layout version, the first field of every MAC input. */
    public static final String DOMAIN_TAG = "unify-code/v1";

    /** Shortest key accepted: 128 bits. Keycloak's generated HMAC keys are 64 bytes by default. */
    public static final int MIN_KEY_BYTES = 16;

    private static final byte SEPARATOR = 0x00;

    private final String keyId;
    private final SecretKeySpec key;

    /**
     * @param keyId id stored beside each hash so verification can pick the same key after rotation
     * @param key   secret key bytes; copied, the caller may wipe its array afterwards
     */
    public CodeHasher(String keyId, byte[] key) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "HMAC key must be at least " + MIN_KEY_BYTES + " bytes, was " + key.length);
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String keyId() {
        return keyId;
    }

    /**
     * Hash of a session code, bound to its purpose and the user it was issued to.
     *
     * @param normalizedCode canonical form from {@link CodeNormalizer} or {@link GeneratedCode#normalized()}
     * @throws IllegalArgumentException if the purpose is not a session purpose, the subject is blank or contains
     *                                  0x00, or the code is not in canonical form
     */
    public HashedCode hashSessionCode(CodePurpose purpose, String subject, String normalizedCode) {
        requireKind(purpose, CodeKind.SESSION);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (subject.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("subject must not contain NUL");
        }
        requireCanonical(purpose.kind(), normalizedCode);
        return mac(DOMAIN_TAG, purpose.id(), subject, normalizedCode);
    }

    /**
     * Hash of an account code, bound to its purpose only: it is looked up by this hash without a known user.
     *
     * @throws IllegalArgumentException if the purpose is not an account purpose or the code is not canonical
     */
    public HashedCode hashAccountCode(CodePurpose purpose, String normalizedCode) {
        requireKind(purpose, CodeKind.ACCOUNT);
        requireCanonical(purpose.kind(), normalizedCode);
        return mac(DOMAIN_TAG, purpose.id(), normalizedCode);
    }

    /** Domain separation of identifier hashes (what a visitor typed), kept apart from code hashes. */
    public static final String IDENTIFIER_TAG = "unify-identifier/v1";

    /**
     * Hash of what a visitor typed to name an account (a username or an address), in the form of
     * {@link IdentifierKey#normalize}: the key of the per-identifier resend and wrong-try state, so the database never
     * holds the typed identifier and the state of one identifier cannot be found without the realm's key.
     * <pre>
     *   identifier:    "unify-identifier/v1" 0x00 purpose.id 0x00 normalizedIdentifier
     * </pre>
     *
     * @throws IllegalArgumentException if the identifier contains 0x00
     */
    public HashedCode hashIdentifier(CodePurpose purpose, String normalizedIdentifier) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(normalizedIdentifier, "normalizedIdentifier");
        if (normalizedIdentifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier must not contain NUL");
        }
        return mac(IDENTIFIER_TAG, purpose.id(), normalizedIdentifier);
    }

    /**
     * Compares two hashes in constant time ({@link MessageDigest#isEqual}), so response timing does not reveal how
     * many leading characters of a guess were right. {@code null} matches nothing.
     */
    public static boolean matches(String expectedHash, String candidateHash) {
        if (expectedHash == null || candidateHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedHash.getBytes(StandardCharsets.UTF_8), candidateHash.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether two hashed codes are the same: same key id (not secret, compared normally) and the same hash (compared
     * in constant time). Hashes made with different keys never match.
     */
    public static boolean matches(HashedCode expected, HashedCode candidate) {
        if (expected == null || candidate == null) {
            return false;
        }
        boolean sameHash = matches(expected.hash(), candidate.hash());
        return sameHash && expected.keyId().equals(candidate.keyId());
    }

    private HashedCode mac(String... fields) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                input.write(SEPARATOR);
            }
            input.writeBytes(fields[i].getBytes(StandardCharsets.UTF_8));
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(input.toByteArray());
            return new HashedCode(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java platform; reaching this means a broken JDK.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static void requireKind(CodePurpose purpose, CodeKind expected) {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.kind() != expected) {
            throw new IllegalArgumentException(
                    purpose + " uses " + purpose.kind() + " codes, not " + expected + " codes");
        }
    }

    // Hashing raw input by mistake would make correct codes fail forever; refuse it loudly instead.
    private static void requireCanonical(CodeKind kind, String normalizedCode) {
        if (normalizedCode == null
                || normalizedCode.length() < kind.minLength()
                || normalizedCode.length() > kind.maxLength()
                || !kind.alphabet().containsAll(normalizedCode)) {
            throw new IllegalArgumentException("code is not in the canonical form of " + kind + " codes");
        }
    }
}
