package eu.unify.keycloak.entitlements.access;

import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.common.access.UserAccess;
import eu.unify.keycloak.common.access.UserAccessProvider;
import eu.unify.keycloak.entitlements.model.Entitlements;
import eu.unify.keycloak.entitlements.model.ServiceEntry;

/** A user's services and customer numbers as the token claim and the service menu have them, for other modules. */
final class EntitlementsUserAccessProvider implements UserAccessProvider {

    private final KeycloakSession session;

    EntitlementsUserAccessProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public UserAccess accessOf(RealmModel realm, UserModel user, Locale locale) {
        Entitlements entitlements = UserEntitlements.of(session, user, locale);
        return new UserAccess(entitlements.services().stream().map(ServiceEntry::name).toList(),
                entitlements.customerNumbers());
    }
}
