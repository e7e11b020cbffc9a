package eu.unify.keycloak.legacy.hash;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2 PHC strings ({@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>}, the {@code v=} part optional for version
 * 1.0 hashes) through Bouncy Castle's {@link Argon2BytesGenerator}.
 *
 * <p>The parameters come from legacy data, so they are bounded: one check must not be able to take the server's
 * memory ({@link #MAX_MEMORY_KIB}) or hang a login thread ({@link #MAX_ITERATIONS}).
 */
final class Argon2Scheme implements HashScheme {

    /** 1 GiB, libsodium's "sensitive" level; beyond it a hash is refused rather than computed. */
    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 1_000;
    static final int MAX_PARALLELISM = 255;
    static final int MAX_HASH_BYTES = 1_024;

    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]+");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

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
        Argon2Parameters parameters = new Argon2Parameters.Builder(parsed.type)
                .withVersion(parsed.version)
                .withMemoryAsKB(parsed.memoryKib)
                .withIterations(parsed.iterations)
                .withParallelism(parsed.parallelism)
                .withSalt(parsed.salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] computed = new byte[parsed.hash.length];
        generator.generateBytes(password, computed);
        return HashScheme.of(MessageDigest.isEqual(computed, parsed.hash));
    }

    private record Parsed(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt,
                          byte[] hash) {
    }

    // Returns null for anything malformed or out of bounds.
    private static Parsed parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 5 && parts.length != 6 || !parts[0].isEmpty()) {
            return null;
        }
        Integer type = switch (parts[1]) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        int next = 2;
        int version = Argon2Parameters.ARGON2_VERSION_10;
        if (parts.length == 6) {
            version = switch (parts[next++]) {
                case "v=19" -> Argon2Parameters.ARGON2_VERSION_13;
                case "v=16" -> Argon2Parameters.ARGON2_VERSION_10;
                default -> -1;
            };
            if (version < 0) {
                return null;
            }
        }
        Map<String, Integer> params = parameters(parts[next++]);
        if (params == null || params.size() != 3
                || !params.containsKey("m") || !params.containsKey("t") || !params.containsKey("p")) {
            return null;
        }
        int memory = params.get("m");
        int iterations = params.get("t");
        int parallelism = params.get("p");
        if (parallelism > MAX_PARALLELISM || iterations > MAX_ITERATIONS
                || memory > MAX_MEMORY_KIB || memory < 8 * parallelism) {
            return null;
        }
        byte[] salt = decode(parts[next++]);
        byte[] hash = decode(parts[next]);
        if (salt == null || hash == null || hash.length < 4 || hash.length > MAX_HASH_BYTES) {
            return null;
        }
        return new Parsed(type, version, memory, iterations, parallelism, salt, hash);
    }

    private static Map<String, Integer> parameters(String list) {
        Map<String, Integer> values = new HashMap<>();
        for (String pair : list.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return null;
            }
            String value = pair.substring(equals + 1);
            if (!NUMBER.matcher(value).matches()) {
                return null;
            }
            long number = Long.parseLong(value);
            if (number > Integer.MAX_VALUE || values.put(pair.substring(0, equals), (int) number) != null) {
                return null;
            }
        }
        return values;
    }

    // PHC strings use standard base64 without padding.
    private static byte[] decode(String text) {
        if (!B64.matcher(text).matches() || text.length() % 4 == 1) {
            return null;
        }
        return Base64.getDecoder().decode(text);
    }
}
