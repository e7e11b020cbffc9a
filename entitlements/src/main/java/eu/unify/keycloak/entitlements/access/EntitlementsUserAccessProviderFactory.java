package eu.unify.keycloak.entitlements.access;

import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.common.UnifyProviderFactory;
import eu.unify.keycloak.common.access.UserAccessProvider;
import eu.unify.keycloak.common.access.UserAccessProviderFactory;

/**
 * {@code unify-user-access} provider {@code unify-entitlements}: the welcome message of the activation codes lists
 * what this module grants (services by name in the user's language, customer numbers).
 */
public final class EntitlementsUserAccessProviderFactory extends UnifyProviderFactory<UserAccessProvider>
        implements UserAccessProviderFactory {

    public static final String ID = "unify-entitlements";

    @Override
    public UserAccessProvider create(KeycloakSession session) {
        return new EntitlementsUserAccessProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
