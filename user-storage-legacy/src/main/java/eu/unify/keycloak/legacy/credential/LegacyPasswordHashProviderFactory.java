package eu.unify.keycloak.legacy.credential;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;

/**
 * The shared body of the legacy password hash provider factories, one registered subclass per
 * {@link LegacyCredentialAlgorithm} (Keycloak's service loader needs one class per provider id). Public so that
 * reflection on a factory (as the admin console's server info does) can call the methods it declares; its constructor
 * is package-private, so only the subclasses here extend it.
 */
public abstract class LegacyPasswordHashProviderFactory implements PasswordHashProviderFactory, ServerInfoAwareProviderFactory {

    private final LegacyCredentialAlgorithm algorithm;
    private final PasswordHashProvider provider;

    LegacyPasswordHashProviderFactory(LegacyCredentialAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.provider = new LegacyPasswordHashProvider(algorithm);
    }

    @Override
    public final String getId() {
        return algorithm.id();
    }

    @Override
    public final PasswordHashProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }

    @Override
    public final Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
