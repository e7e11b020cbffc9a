package eu.unify.keycloak.common.activation;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@code unify-activation-message}: the activation message of admin-created accounts, for modules that create them. */
public final class ActivationMessageSpi implements Spi {

    public static final String NAME = "unify-activation-message";

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
        return ActivationMessageProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return ActivationMessageProviderFactory.class;
    }
}
