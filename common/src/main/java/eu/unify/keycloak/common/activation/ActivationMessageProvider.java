package eu.unify.keycloak.common.activation;

import org.keycloak.email.EmailException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Sends an admin-created user the activation message (SPI {@code unify-activation-message}): the message with the
 * link that activates the account, as the realm has activation set up. The activation codes module implements it;
 * the entitlements module's invitations and the legacy move use it when it is deployed, so neither depends on the
 * other.
 */
public interface ActivationMessageProvider extends Provider {

    /**
     * Emails {@code user} (enabled, with an email address) their activation message in their own language.
     *
     * @throws EmailException when the mail server did not take the message; then nothing was issued or changed
     */
    void sendActivationMessage(RealmModel realm, UserModel user) throws EmailException;

    /**
     * Prepares the activation message of an account that another transaction creates or changes (the legacy move):
     * the account {@code userId} will have the address {@code email} when the message is sent, and its link lands on
     * {@code client} and {@code redirectUri} (may be null) after activation. Runs in the request, whose address the
     * link needs; the message is then sent, after that transaction committed, from any session that sees the account.
     *
     * @throws IllegalArgumentException when the client is disabled or does not allow {@code redirectUri}
     */
    Prepared prepareActivationMessage(RealmModel realm, String userId, String email, ClientModel client,
                                      String redirectUri);

    /** An activation message with its link, ready to be sent. */
    interface Prepared {

        /**
         * Sends the message to {@code user} as {@code session} sees it, in the user's language.
         *
         * @throws EmailException when the user has no address or the mail server did not take the message
         */
        void send(KeycloakSession session, RealmModel realm, UserModel user) throws EmailException;
    }

    @Override
    default void close() {
    }
}
