package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-md5crypt} verifies carried-over MD5-crypt hashes ({@code $1$}, {@code $apr1$}). */
public final class Md5CryptLegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public Md5CryptLegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.MD5_CRYPT);
    }
}
