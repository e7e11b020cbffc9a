package eu.unify.keycloak.legacy.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * A bare MD5/SHA digest of the password, optionally joined with the salt column's text (UTF-8) before or after it, as
 * its {@link BareDigestSettings} say. The stored value must decode to exactly the digest's length, so a hash read
 * with the wrong settings is reported as unsupported rather than as a wrong password.
 */
final class BareDigestScheme implements HashScheme {

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    @Override
    public boolean isWellFormed(LegacyHash hash) {
        return decode(hash) != null;
    }

    @Override
    public VerifyResult verify(byte[] password, LegacyHash hash) {
        byte[] stored = decode(hash);
        if (stored == null) {
            return VerifyResult.UNSUPPORTED_FORMAT;
        }
        BareDigestSettings settings = hash.digestSettings();
        MessageDigest digest = DigestUtils.getDigest(settings.algorithm().jcaName());
        byte[] salt = hash.salt() == null ? new byte[0] : hash.salt().getBytes(StandardCharsets.UTF_8);
        if (settings.saltPosition() == SaltPosition.BEFORE_PASSWORD) {
            digest.update(salt);
            digest.update(password);
        } else {
            digest.update(password);
            digest.update(salt);
        }
        return HashScheme.of(MessageDigest.isEqual(digest.digest(), stored));
    }

    private static byte[] decode(LegacyHash hash) {
        BareDigestSettings settings = hash.digestSettings();
        String text = hash.hash();
        byte[] bytes;
        try {
            if (settings.encoding() == DigestEncoding.HEX) {
                bytes = HEX.matcher(text).matches() && text.length() % 2 == 0 ? HexFormat.of().parseHex(text) : null;
            } else {
                bytes = B64.matcher(text).matches() ? Base64.getDecoder().decode(text) : null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return bytes != null && bytes.length == settings.algorithm().length() ? bytes : null;
    }
}
