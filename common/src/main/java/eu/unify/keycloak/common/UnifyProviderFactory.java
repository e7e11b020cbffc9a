package eu.unify.keycloak.common;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The lifecycle every stateless Unify factory shares: nothing to read at {@code init}, nothing to wire at
 * {@code postInit}, nothing to close, and the bundle version in the admin console's provider info. A factory that has
 * something to do in one of them overrides it.
 *
 * @param <T> the provider type, e.g. {@code Authenticator} for a class that also implements {@code AuthenticatorFactory}
 */
public abstract class UnifyProviderFactory<T extends Provider>
        implements ProviderFactory<T>, ServerInfoAwareProviderFactory {

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
