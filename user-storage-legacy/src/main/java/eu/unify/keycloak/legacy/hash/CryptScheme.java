package eu.unify.keycloak.legacy.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * The glibc crypt formats through commons-codec: MD5-crypt ({@code $1$}, Apache {@code $apr1$}) and SHA-crypt
 * ({@code $5$}, {@code $6$}, with or without {@code rounds=N}). Codec recomputes the whole string from the salt and
 * rounds in the stored hash; the two strings are then compared in constant time.
 */
final class CryptScheme implements HashScheme {

    private static final String SALT = "[./0-9A-Za-z]";

    private static final Pattern MD5 = Pattern.compile("\\$(1|apr1)\\$" + SALT + "{1,8}\\$" + SALT + "{22}");
    private static final Pattern SHA256 =
            Pattern.compile("\\$5\\$(rounds=[1-9][0-9]{0,8}\\$)?" + SALT + "{1,16}\\$" + SALT + "{43}");
    private static final Pattern SHA512 =
            Pattern.compile("\\$6\\$(rounds=[1-9][0-9]{0,8}\\$)?" + SALT + "{1,16}\\$" + SALT + "{86}");

    private final LegacyHashFamily family;

    CryptScheme(LegacyHashFamily family) {
        this.family = family;
    }

    @Override
    public boolean isWellFormed(LegacyHash hash) {
        return pattern().matcher(hash.hash()).matches();
    }

    @Override
    public VerifyResult verify(byte[] password, LegacyHash hash) {
        if (!isWellFormed(hash)) {
            return VerifyResult.UNSUPPORTED_FORMAT;
        }
        String stored = hash.hash();
        String computed = switch (family) {
            case MD5_CRYPT -> stored.startsWith("$apr1$")
                    ? Md5Crypt.apr1Crypt(password, stored)
                    : Md5Crypt.md5Crypt(password, stored);
            case SHA256_CRYPT -> Sha2Crypt.sha256Crypt(password, stored);
            case SHA512_CRYPT -> Sha2Crypt.sha512Crypt(password, stored);
            default -> throw new IllegalStateException("not a crypt family: " + family);
        };
        return HashScheme.of(MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII)));
    }

    private Pattern pattern() {
        return switch (family) {
            case MD5_CRYPT -> MD5;
            case SHA256_CRYPT -> SHA256;
            case SHA512_CRYPT -> SHA512;
            default -> throw new IllegalStateException("not a crypt family: " + family);
        };
    }
}
