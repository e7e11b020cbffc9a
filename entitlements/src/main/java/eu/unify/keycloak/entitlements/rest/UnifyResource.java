package eu.unify.keycloak.entitlements.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.cors.Cors;

import eu.unify.keycloak.entitlements.access.UserEntitlements;
import eu.unify.keycloak.entitlements.model.Entitlements;
import eu.unify.keycloak.entitlements.model.ServiceEntry;
import eu.unify.keycloak.common.rest.ApiErrors;

/** {@code /realms/{realm}/unify}: every request carries the user's access token as a bearer token. */
public final class UnifyResource {

    private static final String MENU_SCRIPT = "/eu/unify/keycloak/entitlements/menu/unify-service-menu.js";

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
            // Readable from any origin, as Keycloak's own userinfo errors are: an app in the browser must be able to
            // tell an expired token (sign in again) from a network failure. The answer holds nothing but the error.
            return Cors.builder().allowAllOrigins().allowedMethods("GET")
                    .add(Response.fromResponse(unauthorized()));
        }
        UserModel user = auth.user();
        Locale locale = session.getContext().resolveLocale(user);
        Entitlements entitlements = UserEntitlements.of(session, user, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locale", locale.toLanguageTag());
        body.put("services", entitlements.services().stream().map(ServiceEntry::toJson).toList());
        body.put("customerNumbers", entitlements.customerNumbers());
        body.put("company", entitlements.company() == null ? null : entitlements.company().toJson());
        body.put("companies", entitlements.companiesJson());
        // Apps call this from the browser: CORS for the origins of the client the token was issued to.
        return Cors.builder().auth().allowedMethods("GET").checkAllowedOrigins(auth.token())
                .add(Response.ok(body).type(MediaType.APPLICATION_JSON_TYPE));
    }

    @OPTIONS
    @Path("services")
    public Response servicesPreflight() {
        return Cors.builder().auth().preflight().allowedMethods("GET", "OPTIONS").add(Response.ok());
    }

    /** The service menu web component {@code <unify-service-menu>}: one script tag in any app. */
    @GET
    @Path("menu.js")
    public Response menuScript() {
        try (InputStream in = UnifyResource.class.getResourceAsStream(MENU_SCRIPT)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // A module script is fetched with CORS from the app's origin; it is public and the same for everyone.
            return Response.ok(script, "text/javascript; charset=utf-8")
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Cache-Control", "public, max-age=3600")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return ApiErrors.response(401, "unauthorized", "Send a valid access token of this realm as a bearer token.");
    }
}
