package eu.unify.keycloak.legacy.credential;

/** {@code unify-legacy-digest} verifies carried-over bare MD5/SHA digests, read as the credential's additional parameters say. */
public final class DigestLegacyHashProviderFactory extends LegacyPasswordHashProviderFactory {

    public DigestLegacyHashProviderFactory() {
        super(LegacyCredentialAlgorithm.DIGEST);
    }
}
