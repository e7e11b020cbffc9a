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
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;

import eu.unify.keycloak.entitlements.access.Companies;
import eu.unify.keycloak.entitlements.access.ServiceClients;
import eu.unify.keycloak.entitlements.model.ServiceEntry;

/**
 * Stops a user who may not use the service they are signing in to, with a page naming the service, advice that fits
 * the case (the company admins to ask, or the provider's contact when no admin can help), the services the user may
 * use, and buttons to sign out or to sign in with another account. Runs after the user is known (password, SSO cookie
 * or identity provider alike); clients not marked as Unify services pass untouched.
 */
final class ServiceAccessAuthenticator implements Authenticator {

    static final String TEMPLATE = "unify-service-access.ftl";
    static final String EVENT_DETAIL_SERVICE = "unify_service";
    /** The page's buttons post this field: sign out, or sign out to sign in with another account. */
    static final String FIELD_CHOICE = "unify-access";
    static final String CHOICE_SIGN_OUT = "sign-out";
    static final String CHOICE_OTHER_ACCOUNT = "other-account";
    /** Which advice the page gives (attribute {@code advice}). */
    static final String ADVICE_ASK_ADMINS = "ask-admins";
    static final String ADVICE_COMPANY_LACKS_SERVICE = "company-lacks-service";
    static final String ADVICE_NO_ADMINS = "no-admins";
    static final String ADVICE_NO_COMPANY = "no-company";

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
        Map<String, String> config = context.getAuthenticatorConfig() == null ? null
                : context.getAuthenticatorConfig().getConfig();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("service", ServiceClients.entry(client, locale).name());
        List<OrganizationModel> companies = user == null ? List.of() : Companies.companiesOf(session, user);
        List<OrganizationModel> holders = companies.stream()
                .filter(company -> Companies.heldServices(company).contains(client.getClientId()))
                .toList();
        List<OrganizationModel> named = holders.isEmpty() ? companies : holders;
        if (!named.isEmpty()) {
            page.put("company", named.get(0).getName());
        }
        // Only the admins of a company that holds the service can grant it; never the user herself.
        List<Map<String, String>> admins = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (OrganizationModel company : holders) {
            for (UserModel admin : Companies.adminsOf(session, realm, company)) {
                if (user.getId().equals(admin.getId()) || !listed.add(admin.getId())) {
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
        page.put("advice", advice(!companies.isEmpty(), !holders.isEmpty(), admins));
        ServiceAccessConfig.contact(config).ifPresent(contact -> page.put("contact", contact));
        ServiceAccessConfig.contactLink(config).ifPresent(link -> page.put("contactLink", link));
        List<Map<String, String>> services = new ArrayList<>();
        if (user != null) {
            for (ClientModel service : ServiceClients.servicesOf(user)) {
                ServiceEntry entry = ServiceClients.entry(service, locale);
                Map<String, String> item = new LinkedHashMap<>();
                item.put("name", entry.name());
                item.put("url", entry.url() == null ? "" : entry.url());
                services.add(item);
            }
        }
        page.put("services", services);
        return context.form().setAttribute("unifyServiceAccess", page).createForm(TEMPLATE);
    }

    /**
     * What the user can do about it: ask a company admin when one can grant the service, else contact the provider
     * (none of the user's companies holds the service, it has no admin but the user, or there is no company).
     */
    static String advice(boolean inACompany, boolean aCompanyHoldsTheService, List<?> otherAdmins) {
        if (!inACompany) {
            return ADVICE_NO_COMPANY;
        }
        if (!aCompanyHoldsTheService) {
            return ADVICE_COMPANY_LACKS_SERVICE;
        }
        return otherAdmins.isEmpty() ? ADVICE_NO_ADMINS : ADVICE_ASK_ADMINS;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String choice = context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD_CHOICE);
        if (CHOICE_SIGN_OUT.equals(choice) || CHOICE_OTHER_ACCOUNT.equals(choice)) {
            signOut(context);
            // A fresh sign-in for the same service: the form, since the single sign-on session has ended.
            context.forkWithSuccessMessage(new FormMessage(CHOICE_SIGN_OUT.equals(choice)
                    ? "successLogout" : "unify-service-access-choose-account"));
            return;
        }
        // Any other post runs the check again (an admin may have granted the right meanwhile).
        authenticate(context);
    }

    /** Ends the single sign-on session the browser came with, if any, as Keycloak's own sign-out does. */
    private static void signOut(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(session,
                context.getRealm(), true);
        if (sso != null && sso.getSession() != null) {
            AuthenticationManager.backchannelLogout(session, context.getRealm(), sso.getSession(),
                    context.getUriInfo(), context.getConnection(), session.getContext().getRequestHeaders(), true);
        }
        AuthenticationManager.expireIdentityCookie(session);
        context.clearUser();
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
