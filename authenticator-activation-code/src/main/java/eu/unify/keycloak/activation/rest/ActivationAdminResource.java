package eu.unify.keycloak.activation.rest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.activation.authenticator.ActivationCodeAuthenticatorFactory;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.config.AccountCodeOptions;
import eu.unify.keycloak.activation.service.AccountCodeService;
import eu.unify.keycloak.activation.service.CodeEvents;

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
     * Emails the user a welcome message with a new activation code, which replaces any earlier one. The user types
     * it after their first sign-in at an external identity provider ({@code unify-activation-code}). Needs
     * manage-users. Answers 200 with the code's expiry; 400 when the user has no email address or is disabled; 503
     * when the mail could not be sent, in which case nothing changed.
     */
    @POST
    @Path("users/{id}/welcome")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendWelcome(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            // As Keycloak's own user endpoints: only those who may look users up learn that one does not exist.
            if (!auth.users().canQuery()) {
                throw new ForbiddenException();
            }
            throw new NotFoundException("User not found");
        }
        auth.users().requireManage(user);
        if (!user.isEnabled()) {
            throw ErrorResponse.error("User is disabled", Response.Status.BAD_REQUEST);
        }

        AccountCodeOptions options = options();
        AccountCodeService.Issued issued = AccountCodeService.of(session, realm).issue(user, PURPOSE, options.policy());
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.SEND_IDENTITY_PROVIDER_LINK).user(user)
                .detail(Details.EMAIL, user.getEmail()).detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id());
        switch (issued.status()) {
            case NO_EMAIL -> throw ErrorResponse.error("User has no email address", Response.Status.BAD_REQUEST);
            case SEND_FAILED -> {
                event.event(EventType.SEND_IDENTITY_PROVIDER_LINK_ERROR).error(Errors.EMAIL_SEND_FAILED);
                throw ErrorResponse.error("Failed to send the welcome email; no code was issued",
                        Response.Status.SERVICE_UNAVAILABLE);
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
     * Length and lifetime of new codes come from the settings of the realm's {@code unify-activation-code} step (the
     * first one by flow name if several flows have it), or the defaults, so admins configure them in one place.
     */
    private AccountCodeOptions options() {
        Map<String, String> config = realm.getAuthenticationFlowsStream()
                .sorted(Comparator.comparing(flow -> flow.getAlias() == null ? "" : flow.getAlias()))
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> ActivationCodeAuthenticatorFactory.ID.equals(execution.getAuthenticator()))
                .map(execution -> execution.getAuthenticatorConfig() == null
                        ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                .filter(Objects::nonNull)
                .map(AuthenticatorConfigModel::getConfig)
                .findFirst()
                .orElse(null);
        return AccountCodeOptions.of(config);
    }
}
