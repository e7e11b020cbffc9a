package eu.unify.keycloak.entitlements.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.unify.keycloak.entitlements.model.Refusal;

/** The JSON error body of every refusal: {@code {"error": "<code>", "message": "<sentence>"}}. */
final class ApiResponses {

    private ApiResponses() {
    }

    static Response error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response of(Refusal refusal) {
        return error(refusal.status(), refusal.code(), refusal.getMessage());
    }
}
