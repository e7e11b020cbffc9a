package eu.unify.keycloak.common.activation;

import eu.unify.keycloak.common.UnifySpi;

/** SPI {@code unify-activation-message}: the activation message of admin-created accounts, for modules that create them. */
public final class ActivationMessageSpi extends UnifySpi {

    public static final String NAME = "unify-activation-message";

    public ActivationMessageSpi() {
        super(NAME, ActivationMessageProvider.class, ActivationMessageProviderFactory.class);
    }
}
