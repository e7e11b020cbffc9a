package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-sha256crypt} verifies carried-over SHA-256-crypt hashes ({@code $5$}). */
public final class Sha256CryptLegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public Sha256CryptLegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.SHA256_CRYPT);
    }
}
