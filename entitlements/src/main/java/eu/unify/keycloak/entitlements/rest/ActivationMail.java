package eu.unify.keycloak.entitlements.rest;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

import eu.unify.keycloak.common.activation.ActivationMessageProvider;

/**
 * The invitation email: the activation message of the activation codes module (SPI {@code unify-activation-message}),
 * which lists the invitee's services and customer numbers and follows the realm's activation setup. Without that
 * module: Keycloak's own execute-actions email (as the console's "Send email" sends it) with the required action
 * {@code unify-account-activation}.
 */
final class ActivationMail {

    static final String ACTION = "unify-account-activation";

    private ActivationMail() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user) throws EmailException {
        ActivationMessageProvider activation = session.getProvider(ActivationMessageProvider.class);
        if (activation != null) {
            activation.sendActivationMessage(realm, user);
            return;
        }
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        List<String> actions = List.of(ACTION);
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(user.getId(), user.getEmail(),
                Time.currentTime() + lifespan, actions, null, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        String link = LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam("key", token.serialize(session, realm, session.getContext().getUri()))
                .build(realm.getName())
                .toString();
        session.getProvider(EmailTemplateProvider.class)
                .setAttribute(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, actions)
                // The invitee's language (their locale attribute), not the inviting admin's browser.
                .setAttribute("IGNORE_ACCEPT_LANGUAGE_HEADER", Boolean.TRUE)
                .setRealm(realm)
                .setUser(user)
                .sendExecuteActions(link, TimeUnit.SECONDS.toMinutes(lifespan));
    }
}
