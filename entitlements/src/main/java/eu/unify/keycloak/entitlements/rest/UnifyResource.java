package eu.unify.keycloak.entitlements.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import eu.unify.keycloak.entitlements.access.UserEntitlements;
import eu.unify.keycloak.entitlements.model.Entitlements;
import eu.unify.keycloak.entitlements.model.ServiceEntry;

/** {@code /realms/{realm}/unify}: every request carries the user's access token as a bearer token. */
public final class UnifyResource {

    private final KeycloakSession session;

    UnifyResource(KeycloakSession session) {
        this.session = session;
    }

    /** The caller's services in their language, their customer numbers and company: what the service menu shows. */
    @GET
    @Path("services")
    @Produces(MediaType.APPLICATION_JSON)
    public Response services() {
        AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        UserModel user = auth.user();
        Locale locale = session.getContext().resolveLocale(user);
        Entitlements entitlements = UserEntitlements.of(session, user, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locale", locale.toLanguageTag());
        body.put("services", entitlements.services().stream().map(ServiceEntry::toJson).toList());
        body.put("customerNumbers", entitlements.customerNumbers());
        body.put("company", entitlements.company() == null ? null : entitlements.company().toJson());
        return Response.ok(body).build();
    }

    /** The company admin API (see {@link CompanyAdminResource}). */
    @Path("company")
    public Object company() {
        AuthResult auth = authenticate();
        if (auth == null) {
            throw new WebApplicationException(unauthorized());
        }
        return new CompanyAdminResource(session, auth);
    }

    private AuthResult authenticate() {
        return new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
    }

    static Response unauthorized() {
        return ApiResponses.error(401, "unauthorized", "Send a valid access token of this realm as a bearer token.");
    }
}
