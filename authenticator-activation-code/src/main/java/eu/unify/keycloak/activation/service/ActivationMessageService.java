package eu.unify.keycloak.activation.service;

import java.time.Duration;

import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.config.AccountCodeOptions;
import eu.unify.keycloak.activation.requiredaction.AccountActivationConfig;
import eu.unify.keycloak.activation.requiredaction.ActivationLink;

/**
 * The activation message of an admin-created account, as the realm has activation set up. With "Code in the welcome
 * message" on: the activation link and the code, as the welcome endpoint sends them (the code also links an external
 * sign-in). Else: the activation link alone, valid as long as Keycloak's admin-issued action links; the page it opens
 * emails the code. Both list the user's services and customer numbers, and land on the account console.
 */
public final class ActivationMessageService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CodeMailer mailer;

    private ActivationMessageService(KeycloakSession session, RealmModel realm, CodeMailer mailer) {
        this.session = session;
        this.realm = realm;
        this.mailer = mailer;
    }

    public static ActivationMessageService of(KeycloakSession session, RealmModel realm) {
        return new ActivationMessageService(session, realm, new CodeMailer(session, realm));
    }

    /**
     * Emails {@code user} their activation message.
     *
     * @throws EmailException when the user has no email address, the account console (where the link lands) is
     *                        disabled, or the mail server did not take the message; then nothing was issued and an
     *                        earlier code of the user still works
     */
    public void send(UserModel user) throws EmailException {
        requireEmail(user);
        Duration lifetime = linkLifetime(realm);
        send(user, link(user, lifetime), lifetime);
    }

    /**
     * Emails {@code user} their activation message with a link built earlier (for example in the request that
     * created the account, when the message goes out after its commit), valid for {@code lifetime}: see
     * {@link #linkLifetime}.
     *
     * @throws EmailException as {@link #send(UserModel)}
     */
    public void send(UserModel user, String link, Duration lifetime) throws EmailException {
        requireEmail(user);
        if (AccountActivationConfig.codeInWelcomeMessage(realm)) {
            CodePolicy policy = AccountCodeOptions.ofRealm(realm).policy();
            AccountCodeService.Issued issued = AccountCodeService.of(session, realm)
                    .issue(user, CodePurpose.ACTIVATION_IN_MESSAGE, policy, link);
            if (issued.status() != AccountCodeService.Issued.Status.SENT) {
                throw new EmailException("The activation message could not be sent");
            }
        } else {
            mailer.sendActivationLink(user, link, lifetime);
        }
    }

    /**
     * How long an activation link of this realm is valid: as long as the code when the code is in the message, else
     * as long as Keycloak's admin-issued action links.
     */
    public static Duration linkLifetime(RealmModel realm) {
        return AccountActivationConfig.codeInWelcomeMessage(realm)
                ? AccountCodeOptions.ofRealm(realm).policy().lifetime()
                : Duration.ofSeconds(realm.getActionTokenGeneratedByAdminLifespan());
    }

    private static void requireEmail(UserModel user) throws EmailException {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            throw new EmailException("The user has no email address");
        }
    }

    /** The link to the account console after activation; that client disabled means no message can be sent. */
    private String link(UserModel user, Duration lifetime) throws EmailException {
        try {
            return ActivationLink.create(session, realm, user, null, null, lifetime);
        } catch (ActivationLink.InvalidTarget e) {
            throw new EmailException("No activation link: " + e.getMessage());
        }
    }
}
