package eu.unify.keycloak.entitlements.access;

import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.entitlements.model.Entitlements;

/** Assembles a user's entitlements from the server's (cached) models; no remote calls. */
public final class UserEntitlements {

    private UserEntitlements() {
    }

    public static Entitlements of(KeycloakSession session, UserModel user, Locale locale) {
        OrganizationModel org = Companies.companyOf(session, user);
        return new Entitlements(
                org == null ? null : Companies.describe(org),
                Companies.customerNumbersOf(user, org),
                ServiceClients.servicesOf(user).stream().map(service -> ServiceClients.entry(service, locale)).toList());
    }
}
