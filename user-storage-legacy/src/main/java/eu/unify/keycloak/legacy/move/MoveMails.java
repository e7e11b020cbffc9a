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
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.common.activation.ActivationMessageProvider;

/**
 * The mails of a committed move: the activation message, or the generated password. Each goes out in a session of
 * its own, so that it sees the moved account as stored; a mail that fails is logged (without its content) and does
 * not undo the move: the account can still reset its password by email.
 */
final class MoveMails {

    static final String PASSWORD_TEMPLATE = "unify-legacy-password.ftl";
    static final String PASSWORD_SUBJECT = "unify-legacy-password-subject";

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
            try {
                switch (account.followUp()) {
                    case ACTIVATION_MESSAGE -> {
                        // Through the SPI of common: the activation codes module implements it when deployed.
                        ActivationMessageProvider activation = session.getProvider(ActivationMessageProvider.class);
                        if (activation == null) {
                            LOG.warnf("legacy move: no activation message for user %s: the activation codes module "
                                    + "is not deployed", account.userId());
                            continue;
                        }
                        ActivationMessageProvider.Prepared message = activation.prepareActivationMessage(realm,
                                account.userId(), account.email(), client, redirectUri);
                        inOwnSession(session, realm, account, (s, user) -> {
                            try {
                                message.send(s, realm(s, realm), user);
                            } catch (EmailException e) {
                                LOG.warnf("legacy move: activation message to user %s not sent (%s)", user.getId(),
                                        e.getMessage());
                            }
                        });
                    }
                    case PASSWORD_MESSAGE -> inOwnSession(session, realm, account,
                            (s, user) -> sendPassword(s, realm(s, realm), user, account.password()));
                    case NONE -> {
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("legacy move: the mail to user %s failed (%s)", account.userId(), e.getClass().getSimpleName());
            }
        }
    }

    private interface Mail {
        void send(KeycloakSession session, UserModel user);
    }

    private static void inOwnSession(KeycloakSession session, RealmModel realm, AccountMove.Moved account, Mail mail) {
        String realmId = realm.getId();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            RealmModel own = s.realms().getRealm(realmId);
            s.getContext().setRealm(own);
            UserModel user = s.users().getUserById(own, account.userId());
            if (user != null) {
                mail.send(s, user);
            }
        });
    }

    private static RealmModel realm(KeycloakSession session, RealmModel realm) {
        return session.getContext().getRealm() != null ? session.getContext().getRealm() : realm;
    }

    private static void sendPassword(KeycloakSession session, RealmModel realm, UserModel user,
                                     GeneratedPassword password) {
        Map<String, Object> attributes = new HashMap<>();
        String realmName = realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
        attributes.put("realmName", realmName);
        attributes.put("username", user.getUsername());
        attributes.put("legacyUsername", Company.legacyUsername(user));
        attributes.put("password", password.value());
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(PASSWORD_SUBJECT, List.of(realmName), PASSWORD_TEMPLATE, attributes);
        } catch (EmailException e) {
            LOG.warnf("legacy move: the new password of user %s could not be emailed (%s)", user.getId(),
                    e.getClass().getSimpleName());
        }
    }
}
