package eu.unify.keycloak.activation.message;

import org.keycloak.email.EmailException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.activation.requiredaction.AccountActivationMessage;
import eu.unify.keycloak.activation.requiredaction.ActivationLink;
import eu.unify.keycloak.activation.service.ActivationMessageService;
import eu.unify.keycloak.common.activation.ActivationMessageProvider;

final class CodeActivationMessageProvider implements ActivationMessageProvider {

    private final KeycloakSession session;

    CodeActivationMessageProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void sendActivationMessage(RealmModel realm, UserModel user) throws EmailException {
        ActivationMessageService.of(session, realm).send(user);
    }

    @Override
    public Prepared prepareActivationMessage(RealmModel realm, String userId, String email, ClientModel client,
                                             String redirectUri) {
        AccountActivationMessage message;
        try {
            message = AccountActivationMessage.prepare(session, realm, userId, email, client, redirectUri);
        } catch (ActivationLink.InvalidTarget e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return (own, ownRealm, user) -> {
            switch (message.send(own, ownRealm, user)) {
                case SENT -> {
                }
                case NO_EMAIL -> throw new EmailException("the user has no email address");
                case SEND_FAILED -> throw new EmailException("the mail server did not take the activation message");
            }
        };
    }
}
