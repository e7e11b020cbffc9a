package eu.unify.keycloak.entitlements.authenticator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.entitlements.access.Companies;
import eu.unify.keycloak.entitlements.access.ServiceClients;

/**
 * Stops a user who may not use the service they are signing in to, with a page naming the service and the
 * company admins to ask. Runs after the user is known (password, SSO cookie or identity provider alike); clients
 * not marked as Unify services pass untouched.
 */
final class ServiceAccessAuthenticator implements Authenticator {

    static final String TEMPLATE = "unify-service-access.ftl";
    static final String EVENT_DETAIL_SERVICE = "unify_service";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ClientModel client = context.getAuthenticationSession().getClient();
        UserModel user = context.getUser();
        if (!ServiceClients.isService(client) || (user != null && ServiceClients.mayUse(user, client))) {
            context.success();
            return;
        }
        context.getEvent().client(client).user(user).detail(EVENT_DETAIL_SERVICE, client.getClientId())
                .error(Errors.ACCESS_DENIED);
        // A challenge, not a failure: a missing right is no failed sign-in, so brute-force protection must not count
        // it; reloading the page after an admin granted the right lets the user in.
        context.forceChallenge(deniedPage(context, client, user));
    }

    private static Response deniedPage(AuthenticationFlowContext context, ClientModel client, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Locale locale = session.getContext().resolveLocale(user);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("service", ServiceClients.entry(client, locale).name());
        List<OrganizationModel> askable = companiesToAsk(session, user, client);
        if (!askable.isEmpty()) {
            page.put("company", askable.get(0).getName());
        }
        List<Map<String, String>> admins = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (OrganizationModel company : askable) {
            for (UserModel admin : Companies.adminsOf(session, realm, company)) {
                if (!listed.add(admin.getId())) {
                    continue;
                }
                Map<String, String> entry = new LinkedHashMap<>();
                String name = ((nullToEmpty(admin.getFirstName()) + " " + nullToEmpty(admin.getLastName())).trim());
                entry.put("name", name.isEmpty() ? nullToEmpty(admin.getEmail()) : name);
                entry.put("email", nullToEmpty(admin.getEmail()));
                admins.add(entry);
            }
        }
        page.put("admins", admins);
        return context.form().setAttribute("unifyServiceAccess", page).createForm(TEMPLATE);
    }

    /**
     * Whom to ask for a service: the user's companies that hold it (their admins may grant it), or, when none does,
     * all of the user's companies (their admins know whom to ask), by alias.
     */
    private static List<OrganizationModel> companiesToAsk(KeycloakSession session, UserModel user, ClientModel client) {
        List<OrganizationModel> companies = user == null ? List.of() : Companies.companiesOf(session, user);
        List<OrganizationModel> holders = companies.stream()
                .filter(company -> Companies.heldServices(company).contains(client.getClientId()))
                .toList();
        return holders.isEmpty() ? companies : holders;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // The page has no form; a post to it runs the check again.
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
