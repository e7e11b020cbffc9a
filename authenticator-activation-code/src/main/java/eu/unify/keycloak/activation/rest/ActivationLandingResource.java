package eu.unify.keycloak.activation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.activation.requiredaction.ActivationLanding;

/**
 * Sends the browser on to the realm's landing page. It ignores every parameter (Keycloak appends {@code session_state}
 * and {@code iss}) and takes no input, so it cannot be made to send anyone anywhere else.
 */
public final class ActivationLandingResource {

    private final KeycloakSession session;

    ActivationLandingResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path(ActivationLandingResourceProviderFactory.LANDING)
    public Response landing() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.seeOther(ActivationLanding.target(session, session.getContext().getRealm()))
                .cacheControl(noStore).build();
    }
}
