package eu.unify.keycloak.common.activation;

import org.keycloak.email.EmailException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Sends an admin-created user the activation message (SPI {@code unify-activation-message}): the message with the
 * link that activates the account, as the realm has activation set up. The activation codes module implements it;
 * the entitlements module's invitations use it when it is deployed, so neither depends on the other.
 */
public interface ActivationMessageProvider extends Provider {

    /**
     * Emails {@code user} (enabled, with an email address) their activation message in their own language.
     *
     * @throws EmailException when the mail server did not take the message; then nothing was issued or changed
     */
    void sendActivationMessage(RealmModel realm, UserModel user) throws EmailException;

    @Override
    default void close() {
    }
}
