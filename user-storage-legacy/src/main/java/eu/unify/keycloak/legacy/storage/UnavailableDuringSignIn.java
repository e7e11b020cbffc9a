package eu.unify.keycloak.legacy.storage;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The legacy store did not answer while someone signs in. Keycloak shows the message of such a failure on its error
 * page, which has no way back; in a browser flow this sends the browser back to the form it came from instead (the
 * flow's current step, as Keycloak's own "page expired" link does), with the message on it, so the user can try again.
 * Elsewhere (a password grant) it stays Keycloak's error. The event keeps its detail either way.
 */
final class UnavailableDuringSignIn extends AuthenticationFlowException {

    private static final long serialVersionUID = 1L;

    private final transient Response backToTheForm;

    UnavailableDuringSignIn(KeycloakSession session, String eventDetail, String message) {
        super(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, eventDetail, message);
        this.backToTheForm = backToTheForm(session, message);
    }

    /** Keycloak returns this response instead of its error page when it is set. */
    @Override
    public Response getResponse() {
        return backToTheForm;
    }

    private static Response backToTheForm(KeycloakSession session, String message) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession.getAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH) == null
                || authSession.getAuthNote(AuthenticationProcessor.CURRENT_AUTHENTICATION_EXECUTION) == null) {
            return null;
        }
        // Keycloak shows this note on the next page of the flow as an error, and removes it.
        authSession.setAuthNote(LoginActionsService.FORWARDED_ERROR_MESSAGE_NOTE, message);
        return Response.status(Response.Status.FOUND)
                .location(new AuthenticationFlowURLHelper(session, authSession.getRealm(), session.getContext().getUri())
                        .getLastExecutionUrl(authSession))
                .build();
    }
}
