package eu.unify.keycloak.entitlements.access;

import java.util.List;
import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.entitlements.model.Entitlements;

/**
 * Assembles a user's entitlements from the server's (cached) models; no remote calls. The claim, the service menu and
 * the welcome message read them here, so a user in several companies gets the same answer everywhere: every company,
 * the customer numbers any of them holds, and every service whose right they hold, whoever granted it.
 */
public final class UserEntitlements {

    private UserEntitlements() {
    }

    public static Entitlements of(KeycloakSession session, UserModel user, Locale locale) {
        List<OrganizationModel> companies = Companies.companiesOf(session, user);
        return new Entitlements(
                companies.stream().map(Companies::describe).toList(),
                Companies.customerNumbersOf(user, companies),
                ServiceClients.servicesOf(user).stream().map(service -> ServiceClients.entry(service, locale)).toList());
    }
}
