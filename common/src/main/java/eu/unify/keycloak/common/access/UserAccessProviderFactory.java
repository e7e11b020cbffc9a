package eu.unify.keycloak.common.access;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of {@link UserAccessProvider}s; register implementations in {@code META-INF/services} under this name. */
public interface UserAccessProviderFactory extends ProviderFactory<UserAccessProvider> {

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
