package eu.unify.keycloak.activation.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.config.AccountCodeOptions;
import eu.unify.keycloak.activation.requiredaction.AccountActivationConfig;
import eu.unify.keycloak.activation.requiredaction.ActivationLink;
import eu.unify.keycloak.activation.service.AccountCodeService;
import eu.unify.keycloak.activation.service.CodeEvents;
import eu.unify.keycloak.activation.service.CodeLockout;
import eu.unify.keycloak.common.rest.ApiErrors;

/**
 * Admin REST endpoints of activation codes, under {@code /admin/realms/{realm}/unify-activation}. The code itself is
 * never returned, logged or put in an event: it goes only into the user's mailbox.
 */
final class ActivationAdminResource {

    static final CodePurpose PURPOSE = CodePurpose.ACCOUNT_LINK;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    ActivationAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
    }

    /**
     * Emails the user a welcome message with a new activation code, which replaces any earlier one. Needs
     * manage-users. Answers 200 with the code's expiry; otherwise Unify's one error body ({@link ApiErrors}):
     * 404 {@code user-not-found}; 400 {@code no-email}, {@code user-disabled} or {@code invalid-target} (the client or
     * redirect URI is not valid); 503 {@code email-failed} when the mail could not be sent, in which case nothing
     * changed.
     *
     * <p>Normally the user types the code after their first sign-in at an external identity provider
     * ({@code unify-activation-code}). When the realm's {@code unify-account-activation} action has "Code in the
     * welcome message" on, the message is the activation message instead: it also holds an activation link (an
     * execute-actions token, valid as long as the code, landing on {@code client_id} and {@code redirect_uri} as
     * Keycloak's execute-actions-email does), and the activation page asks for the code. Neither works alone.
     */
    @POST
    @Path("users/{id}/welcome")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendWelcome(@PathParam("id") String id, @QueryParam(OIDCLoginProtocol.CLIENT_ID_PARAM) String clientId,
                                @QueryParam(OIDCLoginProtocol.REDIRECT_URI_PARAM) String redirectUri) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            // As Keycloak's own user endpoints: only those who may look users up learn that one does not exist.
            if (!auth.users().canQuery()) {
                throw new ForbiddenException();
            }
            throw ApiErrors.exception(404, "user-not-found", "There is no user with this id in the realm.");
        }
        auth.users().requireManage(user);
        if (!user.isEnabled()) {
            throw ApiErrors.exception(400, "user-disabled", "The user is disabled; enable the account first.");
        }

        AccountCodeOptions options = AccountCodeOptions.ofRealm(realm);
        boolean activation = AccountActivationConfig.codeInWelcomeMessage(realm);
        CodePurpose purpose = activation ? CodePurpose.ACTIVATION_IN_MESSAGE : PURPOSE;
        String link = null;
        if (activation && user.getEmail() != null && !user.getEmail().isBlank()) {
            try {
                link = ActivationLink.create(session, realm, user, clientId, redirectUri, options.policy().lifetime());
            } catch (ActivationLink.InvalidTarget e) {
                throw ApiErrors.exception(400, "invalid-target", e.getMessage());
            }
        }
        AccountCodeService.Issued issued = AccountCodeService.of(session, realm)
                .issue(user, purpose, options.policy(), link);
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(activation ? EventType.EXECUTE_ACTIONS : EventType.SEND_IDENTITY_PROVIDER_LINK).user(user)
                .detail(Details.EMAIL, user.getEmail()).detail(CodeEvents.DETAIL_PURPOSE, purpose.id());
        switch (issued.status()) {
            case NO_EMAIL -> throw ApiErrors.exception(400, "no-email", "The user has no email address.");
            case SEND_FAILED -> {
                event.event(activation ? EventType.EXECUTE_ACTIONS_ERROR
                        : EventType.SEND_IDENTITY_PROVIDER_LINK_ERROR).error(Errors.EMAIL_SEND_FAILED);
                throw ApiErrors.exception(503, "email-failed",
                        "The welcome email could not be sent; no code was issued.");
            }
            case SENT -> {
                event.success();
                adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri()).success();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sent", true);
        body.put("expiresAt", issued.expiresAt().orElseThrow().getEpochSecond());
        return Response.ok(body).build();
    }

    /**
     * Clears the user's count of wrong codes in a row, so codes work again for an account that reached the bound
     * (see {@link CodeLockout}). Needs manage-users; answers 204, or 404 {@code user-not-found} in Unify's one error
     * body ({@link ApiErrors}) to a caller who may look users up. Keycloak's own brute-force lockout is cleared where
     * it always is (the user's brute-force status in the console, or {@code attack-detection}).
     */
    @DELETE
    @Path("users/{id}/code-failures")
    public Response clearCodeFailures(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            if (!auth.users().canQuery()) {
                throw new ForbiddenException();
            }
            throw ApiErrors.exception(404, "user-not-found", "There is no user with this id in the realm.");
        }
        auth.users().requireManage(user);
        CodeLockout.of(session, realm).clear(user);
        adminEvent.operation(OperationType.DELETE).resourcePath(session.getContext().getUri()).success();
        return Response.noContent().build();
    }
}
