package eu.unify.keycloak.legacy.hash;

import java.util.Locale;
import java.util.Optional;

/** The plain message digests legacy applications stored, bare or salted, without any format marker. */
public enum DigestAlgorithm {

    MD5("MD5", 16),
    SHA_1("SHA-1", 20),
    SHA_256("SHA-256", 32),
    SHA_512("SHA-512", 64);

    private final String jcaName;
    private final int length;

    DigestAlgorithm(String jcaName, int length) {
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The JCA (and commons-codec {@code DigestUtils}) name, e.g. {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** Length of the digest in bytes. */
    public int length() {
        return length;
    }

    /**
     * The algorithm a name stands for, ignoring case and separators: {@code SHA_256}, {@code SHA-256}, {@code sha256}
     * all mean {@link #SHA_256}. Empty for anything else.
     */
    public static Optional<DigestAlgorithm> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = compact(name);
        for (DigestAlgorithm algorithm : values()) {
            if (compact(algorithm.name()).equals(key)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    static String compact(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
