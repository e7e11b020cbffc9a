package eu.unify.keycloak.common.activation;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of {@link ActivationMessageProvider}s; register implementations in {@code META-INF/services} under this name. */
public interface ActivationMessageProviderFactory extends ProviderFactory<ActivationMessageProvider> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
