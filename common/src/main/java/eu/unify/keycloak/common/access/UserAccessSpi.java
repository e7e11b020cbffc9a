package eu.unify.keycloak.common.access;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@code unify-user-access}: a user's services and customer numbers, for the modules that show them. */
public final class UserAccessSpi implements Spi {

    public static final String NAME = "unify-user-access";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return UserAccessProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return UserAccessProviderFactory.class;
    }
}
