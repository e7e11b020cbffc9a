package eu.unify.keycloak.activation.requiredaction;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.config.AccountCodeOptions;
import eu.unify.keycloak.activation.service.AccountCodeService;

/**
 * The activation message of {@code unify-account-activation}, for other modules that create accounts (the legacy move)
 * and want them activated the way this realm activates accounts: with "Code in the welcome message" on, the welcome
 * message with its activation code and link (as {@code POST .../unify-activation/users/{id}/welcome} sends it);
 * otherwise Keycloak's execute-actions email whose link runs the action (as the console's "Send email" does).
 *
 * <p>Two steps, so that the message can go out after the account's transaction committed: {@link #prepare} builds
 * the link in the request (it needs the request's address), {@link #send} sends it from any session.
 */
public final class AccountActivationMessage {

    private static final Logger LOG = Logger.getLogger(AccountActivationMessage.class);

    /** How sending ended; the code or link is never part of it. */
    public enum Result { SENT, NO_EMAIL, SEND_FAILED }

    private final boolean welcome;
    private final String link;
    private final Duration lifetime;

    private AccountActivationMessage(boolean welcome, String link, Duration lifetime) {
        this.welcome = welcome;
        this.link = link;
        this.lifetime = lifetime;
    }

    /**
     * Prepares the message for the user {@code userId}, who will have the address {@code email} when it is sent, with
     * a link that lands on {@code client} and {@code redirectUri} (may be null) after activation. Must run in a
     * request.
     */
    public static AccountActivationMessage prepare(KeycloakSession session, RealmModel realm, String userId,
                                                   String email, ClientModel client, String redirectUri) {
        Objects.requireNonNull(client, "client");
        boolean welcome = AccountActivationConfig.codeInWelcomeMessage(realm);
        Duration lifetime = welcome ? AccountCodeOptions.ofRealm(realm).policy().lifetime()
                : Duration.ofSeconds(realm.getActionTokenGeneratedByAdminLifespan());
        return new AccountActivationMessage(welcome,
                link(session, realm, userId, email, client.getClientId(), redirectUri, lifetime), lifetime);
    }

    /**
     * The link Keycloak's execute-actions email would send for {@code unify-account-activation}, valid for
     * {@code lifetime}, landing on {@code clientId} and {@code redirectUri} (may be null).
     */
    public static String link(KeycloakSession session, RealmModel realm, String userId, String email, String clientId,
                       String redirectUri, Duration lifetime) {
        int expiration = Time.currentTime() + (int) lifetime.toSeconds();
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(userId, email, expiration,
                List.of(AccountActivationRequiredActionFactory.ID), redirectUri, clientId);
        UriInfo uri = session.getContext().getUri();
        return LoginActionsService.actionTokenProcessor(uri)
                .queryParam("key", token.serialize(session, realm, uri))
                .build(realm.getName()).toString();
    }

    /** Sends the message to {@code user} as stored in {@code session}, in the user's language. */
    public Result send(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return Result.NO_EMAIL;
        }
        if (welcome) {
            AccountCodeService.Issued issued = AccountCodeService.of(session, realm).issue(user,
                    CodePurpose.ACTIVATION_IN_MESSAGE, AccountCodeOptions.ofRealm(realm).policy(), link);
            return switch (issued.status()) {
                case SENT -> Result.SENT;
                case NO_EMAIL -> Result.NO_EMAIL;
                case SEND_FAILED -> Result.SEND_FAILED;
            };
        }
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .sendExecuteActions(link, lifetime.toMinutes());
            return Result.SENT;
        } catch (EmailException e) {
            LOG.warnf("Could not email the activation link to user %s in realm %s: %s", user.getId(), realm.getName(),
                    e.getMessage());
            return Result.SEND_FAILED;
        }
    }
}
