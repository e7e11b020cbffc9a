package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-argon2} verifies carried-over Argon2 PHC strings ({@code $argon2id$}, {@code $argon2i$}, {@code $argon2d$}). */
public final class Argon2LegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public Argon2LegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.ARGON2);
    }
}
