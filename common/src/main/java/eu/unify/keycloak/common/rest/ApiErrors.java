package eu.unify.keycloak.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.keycloak.services.ErrorResponseException;

import eu.unify.keycloak.common.json.UnifyJson;

/**
 * The one error shape of every Unify REST resource: {@code {"error": "<code>", "message": "<sentence>"}}, as JSON,
 * with the HTTP status that fits. {@code error} is a stable code for programs (part of each API's contract, listed in
 * its OpenAPI file or README); {@code message} is a sentence for people, naming the parameter or field at fault and
 * never a secret. An answer that still has something to report (the legacy progress at 503) adds its members after
 * these two.
 *
 * <p>Refusals that Keycloak itself answers before a Unify resource runs (401 without a valid token, 403 from an admin
 * permission check, 404 of an unknown path) keep Keycloak's own body.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** An error answer. */
    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(UnifyJson.write(body(code, message)))
                .build();
    }

    /** An error answer that also carries {@code report}'s members (a record or map) after {@code error} and {@code message}. */
    public static Response response(int status, String code, String message, Object report) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(UnifyJson.write(body(code, message, report))).build();
    }

    /**
     * An error answer to throw, as Keycloak's own {@code ErrorResponse.error} does: Keycloak sends the response as it
     * is (its error handler never rewrites it).
     */
    public static WebApplicationException exception(int status, String code, String message) {
        return new ErrorResponseException(response(status, code, message));
    }

    static ObjectNode body(String code, String message, Object report) {
        ObjectNode body = body(code, message);
        UnifyJson.tree(report).properties().forEach(member -> body.putIfAbsent(member.getKey(), member.getValue()));
        return body;
    }

    static ObjectNode body(String code, String message) {
        ObjectNode body = UnifyJson.object();
        body.put("error", code);
        body.put("message", message);
        return body;
    }
}
