package eu.unify.keycloak.activation.requiredaction;

import java.time.Duration;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.activation.service.ActivationMessageService;

/**
 * The activation message of {@code unify-account-activation}, for other modules that create accounts in a transaction
 * of their own (the legacy move) and send the message after it committed. The message is the one invitations and the
 * welcome endpoint send ({@link ActivationMessageService}): with "Code in the welcome message" on, the link and the
 * code; otherwise the link, whose page emails the code. Both list the user's services and customer numbers.
 *
 * <p>Two steps: {@link #prepare} builds the link in the request (it needs the request's address), {@link #send} sends
 * it from any session that sees the committed account.
 */
public final class AccountActivationMessage {

    private static final Logger LOG = Logger.getLogger(AccountActivationMessage.class);

    /** How sending ended; the code or link is never part of it. */
    public enum Result { SENT, NO_EMAIL, SEND_FAILED }

    private final String link;
    private final Duration lifetime;

    private AccountActivationMessage(String link, Duration lifetime) {
        this.link = link;
        this.lifetime = lifetime;
    }

    /**
     * Prepares the message for the user {@code userId}, who will have the address {@code email} when it is sent, with
     * a link that lands on {@code client} and {@code redirectUri} (may be null) after activation. Must run in a
     * request.
     *
     * @throws ActivationLink.InvalidTarget when the client is disabled or does not allow {@code redirectUri}
     */
    public static AccountActivationMessage prepare(KeycloakSession session, RealmModel realm, String userId,
                                                   String email, ClientModel client, String redirectUri) {
        Objects.requireNonNull(client, "client");
        Duration lifetime = ActivationMessageService.linkLifetime(realm);
        return new AccountActivationMessage(ActivationLink.create(session, realm, userId, email, client.getClientId(),
                redirectUri, lifetime), lifetime);
    }

    /** Sends the message to {@code user} as stored in {@code session}, in the user's language. */
    public Result send(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return Result.NO_EMAIL;
        }
        try {
            ActivationMessageService.of(session, realm).send(user, link, lifetime);
            return Result.SENT;
        } catch (EmailException e) {
            LOG.warnf("Could not email the activation message to user %s in realm %s: %s", user.getId(),
                    realm.getName(), e.getMessage());
            return Result.SEND_FAILED;
        }
    }
}
