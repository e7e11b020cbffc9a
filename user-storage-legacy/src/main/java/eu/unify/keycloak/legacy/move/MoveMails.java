package eu.unify.keycloak.legacy.move;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.common.activation.ActivationMessageProvider;

/**
 * The mails of a committed move: the activation message, the generated password, or (legacy password kept) the new
 * sign-in name. Each goes out in a session of its own, so that it sees the moved account as stored; a mail that fails
 * is logged (without its content), does not undo the move, and is recorded on the account ({@link FailedMails}) so an
 * admin can list and resend it.
 */
final class MoveMails {

    static final String PASSWORD_TEMPLATE = "unify-legacy-password.ftl";
    static final String PASSWORD_SUBJECT = "unify-legacy-password-subject";
    static final String SIGN_IN_NAME_TEMPLATE = "unify-legacy-sign-in-name.ftl";
    static final String SIGN_IN_NAME_SUBJECT = "unify-legacy-sign-in-name-subject";

    private static final Logger LOG = Logger.getLogger(MoveMails.class);

    private MoveMails() {
    }

    /**
     * Sends what each moved account needs. {@code client} and {@code redirectUri} are where activation links land
     * (the application the main account signed in to). Runs in the request, after the move committed.
     */
    static void send(KeycloakSession session, RealmModel realm, ClientModel client, String redirectUri,
                     List<AccountMove.Moved> moved) {
        for (AccountMove.Moved account : moved) {
            FailedMails.Kind kind = switch (account.followUp()) {
                case ACTIVATION_MESSAGE -> FailedMails.Kind.ACTIVATION_MESSAGE;
                case PASSWORD_MESSAGE -> FailedMails.Kind.GENERATED_PASSWORD;
                case SIGN_IN_NAME_MESSAGE -> FailedMails.Kind.SIGN_IN_NAME;
                case NONE -> null;
            };
            if (kind == null) {
                continue;
            }
            try {
                Mail mail = switch (kind) {
                    case ACTIVATION_MESSAGE -> activation(session, realm, account, client, redirectUri);
                    case GENERATED_PASSWORD -> (s, r, user) -> sendPassword(s, r, user, account.password().value());
                    case SIGN_IN_NAME -> MoveMails::sendSignInName;
                };
                inOwnSession(session, realm, account.userId(), kind, mail);
            } catch (RuntimeException e) {
                LOG.warnf("legacy move: the mail to user %s failed (%s)", account.userId(), e.getClass().getSimpleName());
                recordFailure(session, realm, account.userId(), kind);
            }
        }
    }

    /** A mail to one stored user; throws when the mail server did not take it. */
    interface Mail {
        void send(KeycloakSession session, RealmModel realm, UserModel user) throws EmailException;
    }

    private static Mail activation(KeycloakSession session, RealmModel realm, AccountMove.Moved account,
                                   ClientModel client, String redirectUri) {
        // Through the SPI of common: the activation codes module implements it when it is deployed.
        ActivationMessageProvider activation = session.getProvider(ActivationMessageProvider.class);
        if (activation == null) {
            return (s, r, user) -> {
                throw new EmailException("the activation codes module (unify-activation-message) is not deployed");
            };
        }
        ActivationMessageProvider.Prepared message = activation.prepareActivationMessage(realm, account.userId(),
                account.email(), client, redirectUri);
        return message::send;
    }

    private static void inOwnSession(KeycloakSession session, RealmModel realm, String userId, FailedMails.Kind kind,
                                     Mail mail) {
        String realmId = realm.getId();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            RealmModel own = s.realms().getRealm(realmId);
            s.getContext().setRealm(own);
            UserModel user = s.users().getUserById(own, userId);
            if (user == null) {
                return;
            }
            try {
                mail.send(s, own, user);
            } catch (EmailException e) {
                LOG.warnf("legacy move: the %s mail to user %s was not sent (%s)", kind.id(), user.getId(),
                        e.getMessage());
                FailedMails.record(user, kind);
            }
        });
    }

    private static void recordFailure(KeycloakSession session, RealmModel realm, String userId,
                                      FailedMails.Kind kind) {
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                RealmModel own = s.realms().getRealm(realmId);
                UserModel user = s.users().getUserById(own, userId);
                if (user != null) {
                    FailedMails.record(user, kind);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("legacy move: could not record the failed mail of user %s (%s)", userId,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Sends the account's failed mail again, in {@code session}'s transaction, and clears the record when the mail
     * server took it. A generated password is generated anew (the first one was never stored), under the realm's
     * password policy, and must be changed at the next sign-in.
     *
     * @throws EmailException when the mail server did not take it; the record stays
     */
    static void resend(KeycloakSession session, RealmModel realm, UserModel user, FailedMails.Kind kind)
            throws EmailException {
        switch (kind) {
            case ACTIVATION_MESSAGE -> {
                ActivationMessageProvider activation = session.getProvider(ActivationMessageProvider.class);
                if (activation == null) {
                    throw new EmailException("the activation codes module (unify-activation-message) is not deployed");
                }
                activation.sendActivationMessage(realm, user);
            }
            case GENERATED_PASSWORD -> {
                GeneratedPassword password = GeneratedPassword.create();
                user.credentialManager().updateCredential(UserCredentialModel.password(password.value(), false));
                user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
                sendPassword(session, realm, user, password.value());
            }
            case SIGN_IN_NAME -> sendSignInName(session, realm, user);
        }
        FailedMails.clear(user);
    }

    private static Map<String, Object> attributes(RealmModel realm, UserModel user) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("realmName", realmName(realm));
        attributes.put("username", user.getUsername());
        attributes.put("legacyUsername", Company.legacyUsername(user));
        return attributes;
    }

    private static String realmName(RealmModel realm) {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
    }

    private static void sendPassword(KeycloakSession session, RealmModel realm, UserModel user, String password)
            throws EmailException {
        Map<String, Object> attributes = attributes(realm, user);
        attributes.put("password", password);
        session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                .send(PASSWORD_SUBJECT, List.of(realmName(realm)), PASSWORD_TEMPLATE, attributes);
    }

    private static void sendSignInName(KeycloakSession session, RealmModel realm, UserModel user)
            throws EmailException {
        session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                .send(SIGN_IN_NAME_SUBJECT, List.of(realmName(realm)), SIGN_IN_NAME_TEMPLATE,
                        attributes(realm, user));
    }
}
