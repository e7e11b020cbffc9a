package eu.unify.keycloak.legacy.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Django's PBKDF2 hashes, {@code pbkdf2_sha256$<iterations>$<salt>$<base64 key>} and {@code pbkdf2_sha1$...}, through
 * Bouncy Castle's {@link PKCS5S2ParametersGenerator} (PBKDF2-HMAC). Django uses the salt text as the UTF-8 salt bytes
 * and a key as long as the digest.
 */
final class DjangoPbkdf2Scheme implements HashScheme {

    /** Django 5.2 uses 1,000,000; ten times that is refused rather than computed on a login thread. */
    static final int MAX_ITERATIONS = 10_000_000;

    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2_(sha256|sha1)\\$([1-9][0-9]{0,8})\\$([^$]+)\\$([A-Za-z0-9+/]+={0,2})");

    @Override
    public boolean isWellFormed(LegacyHash hash) {
        return parse(hash.hash()) != null;
    }

    @Override
    public VerifyResult verify(byte[] password, LegacyHash hash) {
        Parsed parsed = parse(hash.hash());
        if (parsed == null) {
            return VerifyResult.UNSUPPORTED_FORMAT;
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(parsed.digest());
        generator.init(password, parsed.salt(), parsed.iterations());
        byte[] computed = ((KeyParameter) generator.generateDerivedParameters(parsed.key().length * 8)).getKey();
        return HashScheme.of(MessageDigest.isEqual(computed, parsed.key()));
    }

    private record Parsed(Digest digest, int iterations, byte[] salt, byte[] key) {
    }

    private static Parsed parse(String encoded) {
        var matcher = FORMAT.matcher(encoded);
        if (!matcher.matches()) {
            return null;
        }
        int iterations = Integer.parseInt(matcher.group(2));
        if (iterations > MAX_ITERATIONS) {
            return null;
        }
        boolean sha256 = matcher.group(1).equals("sha256");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(matcher.group(4));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (key.length != (sha256 ? 32 : 20)) {
            return null;
        }
        Digest digest = sha256 ? new SHA256Digest() : new SHA1Digest();
        return new Parsed(digest, iterations, matcher.group(3).getBytes(StandardCharsets.UTF_8), key);
    }
}
