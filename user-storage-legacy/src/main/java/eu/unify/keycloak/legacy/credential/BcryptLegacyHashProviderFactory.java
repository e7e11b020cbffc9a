package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-bcrypt} verifies carried-over bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}). */
public final class BcryptLegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public BcryptLegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.BCRYPT);
    }
}
