package eu.unify.keycloak.activation.message;

import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

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
}
