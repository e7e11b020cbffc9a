package eu.unify.keycloak.activation.requiredaction;

import java.time.Duration;
import java.util.List;

import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.resources.LoginActionsService;

/**
 * The activation link of an admin-created account: the link Keycloak's execute-actions email would send for
 * {@code unify-account-activation} (an action token), landing on {@code client_id} and {@code redirect_uri} afterwards.
 */
public final class ActivationLink {

    private ActivationLink() {
    }

    /** The client to land on or its redirect URI is not acceptable; the message says which, for a 400 answer. */
    public static final class InvalidTarget extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidTarget(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The link for {@code user}, valid for {@code lifetime}. Without a client the user lands on the account console.
     *
     * @throws InvalidTarget for a redirect URI without a client, an unknown or disabled client, or a redirect URI the
     *                       client does not allow
     */
    public static String create(KeycloakSession session, RealmModel realm, UserModel user, String clientId,
                                String redirectUri, Duration lifetime) {
        return create(session, realm, user.getId(), user.getEmail(), clientId, redirectUri, lifetime);
    }

    /**
     * The link for the user with id {@code userId} and address {@code email}, for an account whose creation has not
     * been committed yet (the link is built in the request, the message sent after the commit).
     *
     * @throws InvalidTarget as {@link #create(KeycloakSession, RealmModel, UserModel, String, String, Duration)}
     */
    public static String create(KeycloakSession session, RealmModel realm, String userId, String email,
                                String clientId, String redirectUri, Duration lifetime) {
        if (redirectUri != null && clientId == null) {
            throw new InvalidTarget("Client id missing");
        }
        String client = clientId == null ? Constants.ACCOUNT_MANAGEMENT_CLIENT_ID : clientId;
        ClientModel model = realm.getClientByClientId(client);
        if (model == null || !model.isEnabled()) {
            throw new InvalidTarget("Client does not exist or is not enabled");
        }
        if (redirectUri != null && RedirectUtils.verifyRedirectUri(session, redirectUri, model) == null) {
            throw new InvalidTarget("Invalid redirect uri");
        }
        int expiration = Time.currentTime() + (int) lifetime.toSeconds();
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(userId, email, expiration,
                List.of(AccountActivationRequiredActionFactory.ID), redirectUri, client);
        KeycloakUriInfo uri = session.getContext().getUri();
        return LoginActionsService.actionTokenProcessor(uri)
                .queryParam("key", token.serialize(session, realm, uri))
                .build(realm.getName()).toString();
    }
}
