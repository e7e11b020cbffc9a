package eu.unify.keycloak.legacy.storage;

/**
 * Checks a typed password against a legacy hash. The storage provider depends only on this; the legacy hash
 * verifier (package {@code eu.unify.keycloak.legacy.hash}) plugs in behind it.
 */
@FunctionalInterface
public interface LegacyPasswordCheck {

    /**
     * @param hash      the stored hash, never null
     * @param salt      the separate salt column, or null
     * @param algorithm the {@code hash_algorithm} column, or null for self-describing formats
     */
    boolean matches(String password, String hash, String salt, String algorithm);
}
