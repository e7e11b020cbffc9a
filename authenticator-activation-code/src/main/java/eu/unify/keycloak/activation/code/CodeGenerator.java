package eu.unify.keycloak.activation.code;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Draws codes uniformly from a kind's alphabet.
 *
 * <p>Each symbol comes from one random byte by rejection sampling: bytes at or above the largest multiple of the
 * alphabet size that fits in 256 are thrown away, so every symbol is exactly equally likely (a plain {@code byte %
 * size} would favour the first symbols). The {@link SecureRandom} is injected so tests can pass a seeded one.
 * Thread-safe if the random source is (the JDK's are).
 */
public final class CodeGenerator {

    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A code of the policy's kind and length. */
    public GeneratedCode generate(CodePolicy policy) {
        return generate(policy.kind(), policy.length());
    }

    /** A code of the kind's default length. */
    public GeneratedCode generate(CodeKind kind) {
        return generate(kind, kind.defaultLength());
    }

    /**
     * A code of {@code length} symbols.
     *
     * @throws IllegalArgumentException if the kind does not allow that length
     */
    public GeneratedCode generate(CodeKind kind, int length) {
        Objects.requireNonNull(kind, "kind");
        kind.requireValidLength(length);
        CodeAlphabet alphabet = kind.alphabet();
        int size = alphabet.size();
        int acceptBelow = 256 - (256 % size);

        // A few spare bytes make a refill unlikely even for the decimal alphabet (6/256 rejected).
        byte[] pool = new byte[length + 8];
        int next = pool.length;
        char[] code = new char[length];
        int filled = 0;
        while (filled < length) {
            if (next == pool.length) {
                random.nextBytes(pool);
                next = 0;
            }
            int value = pool[next++] & 0xFF;
            if (value < acceptBelow) {
                code[filled++] = alphabet.symbolAt(value % size);
            }
        }
        String normalized = new String(code);
        // The pool holds the code's randomness; it is of no further use.
        Arrays.fill(pool, (byte) 0);
        Arrays.fill(code, '\0');
        return new GeneratedCode(kind, normalized, kind.display(normalized));
    }
}
