package eu.unify.keycloak.legacy.hash;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * LDAP {@code userPassword} values as OpenLDAP's {@code slappasswd} writes them: {@code {SCHEME}base64}. Salted
 * schemes store {@code base64(digest(password + salt) + salt)}; {@code {CRYPT}} wraps a crypt string, which is checked
 * by the crypt formats (bcrypt, MD5-crypt, SHA-crypt; DES crypt is not supported). Scheme names ignore case, as in
 * OpenLDAP.
 */
final class LdapScheme implements HashScheme {

    /** The LDAP schemes understood; a scheme's digest is {@code null} for {@code {CRYPT}}. */
    enum Scheme {
        SHA(DigestAlgorithm.SHA_1, false),
        SSHA(DigestAlgorithm.SHA_1, true),
        SHA256(DigestAlgorithm.SHA_256, false),
        SSHA256(DigestAlgorithm.SHA_256, true),
        SHA512(DigestAlgorithm.SHA_512, false),
        SSHA512(DigestAlgorithm.SHA_512, true),
        MD5(DigestAlgorithm.MD5, false),
        SMD5(DigestAlgorithm.MD5, true),
        CRYPT(null, false);

        final DigestAlgorithm digest;
        final boolean salted;

        Scheme(DigestAlgorithm digest, boolean salted) {
            this.digest = digest;
            this.salted = salted;
        }
    }

    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** The scheme in braces at the start of a value, if it is one of ours. */
    static Optional<Scheme> schemeOf(String value) {
        if (value == null || !value.startsWith("{")) {
            return Optional.empty();
        }
        int close = value.indexOf('}');
        if (close < 2) {
            return Optional.empty();
        }
        String name = value.substring(1, close).toUpperCase(Locale.ROOT);
        return Arrays.stream(Scheme.values()).filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public boolean isWellFormed(LegacyHash hash) {
        Optional<Scheme> scheme = schemeOf(hash.hash());
        if (scheme.isEmpty()) {
            return false;
        }
        String body = body(hash.hash());
        if (scheme.get() == Scheme.CRYPT) {
            return cryptHash(body).isPresent();
        }
        byte[] decoded = decode(body);
        return decoded != null && lengthFits(scheme.get(), decoded.length);
    }

    @Override
    public VerifyResult verify(byte[] password, LegacyHash hash) {
        if (!isWellFormed(hash)) {
            return VerifyResult.UNSUPPORTED_FORMAT;
        }
        Scheme scheme = schemeOf(hash.hash()).orElseThrow();
        String body = body(hash.hash());
        if (scheme == Scheme.CRYPT) {
            LegacyHash inner = cryptHash(body).orElseThrow();
            return HashSchemes.of(inner.family()).verify(password, inner);
        }
        byte[] decoded = decode(body);
        int length = scheme.digest.length();
        byte[] stored = Arrays.copyOf(decoded, length);
        byte[] salt = Arrays.copyOfRange(decoded, length, decoded.length);
        MessageDigest digest = DigestUtils.getDigest(scheme.digest.jcaName());
        digest.update(password);
        digest.update(salt);
        return HashScheme.of(MessageDigest.isEqual(digest.digest(), stored));
    }

    private static String body(String value) {
        return value.substring(value.indexOf('}') + 1);
    }

    private static Optional<LegacyHash> cryptHash(String body) {
        Optional<LegacyHashFamily> family = LegacyHashFamily.recognise(body);
        if (family.isEmpty() || family.get() == LegacyHashFamily.LDAP || family.get() == LegacyHashFamily.ARGON2
                || family.get() == LegacyHashFamily.DJANGO_PBKDF2) {
            return Optional.empty();
        }
        LegacyHash inner = new LegacyHash(family.get(), body, null, null);
        return HashSchemes.of(inner.family()).isWellFormed(inner) ? Optional.of(inner) : Optional.empty();
    }

    // A salted value needs at least one salt byte after the digest; an unsalted one is exactly the digest.
    private static boolean lengthFits(Scheme scheme, int decodedLength) {
        int length = scheme.digest.length();
        return scheme.salted ? decodedLength > length : decodedLength == length;
    }

    private static byte[] decode(String body) {
        if (!B64.matcher(body).matches()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
