package eu.unify.keycloak.common.access;

import eu.unify.keycloak.common.UnifySpi;

/** SPI {@code unify-user-access}: a user's services and customer numbers, for the modules that show them. */
public final class UserAccessSpi extends UnifySpi {

    public static final String NAME = "unify-user-access";

    public UserAccessSpi() {
        super(NAME, UserAccessProvider.class, UserAccessProviderFactory.class);
    }
}
