package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-sha512crypt} verifies carried-over SHA-512-crypt hashes ({@code $6$}). */
public final class Sha512CryptLegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public Sha512CryptLegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.SHA512_CRYPT);
    }
}
