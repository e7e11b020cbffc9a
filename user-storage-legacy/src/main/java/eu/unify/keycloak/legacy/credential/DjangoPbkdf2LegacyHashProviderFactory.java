package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-pbkdf2-django} verifies carried-over Django PBKDF2 hashes ({@code pbkdf2_sha256$}, {@code pbkdf2_sha1$}). */
public final class DjangoPbkdf2LegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public DjangoPbkdf2LegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.DJANGO_PBKDF2);
    }
}
