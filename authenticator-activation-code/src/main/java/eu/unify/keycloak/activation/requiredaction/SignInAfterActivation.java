package eu.unify.keycloak.activation.requiredaction;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Lets an activation link end signed in on the service. Keycloak ends the flow of an emailed action link with its
 * "account updated" page and no session, because the link's authentication session carries
 * {@link AuthenticationManager#END_AFTER_REQUIRED_ACTIONS}. Removing that note makes Keycloak finish the flow as a
 * login once every required action is done: it refuses a disabled user, creates the user session and the single
 * sign-on cookies, emits LOGIN and answers through the OIDC protocol.
 * <p>
 * That answer goes to the link's redirect URI, but no application asked for it: there is no {@code state}, no
 * {@code nonce}, no PKCE challenge. An authorization code there is one a well-behaved application must reject, so the
 * response type becomes {@code none} (OAuth 2.0 Multiple Response Type Encoding Practices): the browser lands on the
 * redirect URI with no code or token, only {@code session_state} and {@code iss}, and the application's own sign-in
 * completes by single sign-on.
 * <p>
 * Only when the user chooses a password in the same activation: Keycloak finishes only after every required action,
 * so the login happens after the code and the new password both succeeded. A user who already had a password, or a
 * realm with "Update Password" disabled, keeps Keycloak's confirmation page: link and emailed code alone never sign
 * anybody in.
 */
final class SignInAfterActivation {

    private SignInAfterActivation() {
    }

    /**
     * Called once the code was right. Turns the emailed link's flow into a login when the user still has to choose a
     * password; returns whether it did.
     */
    static boolean prepare(AuthenticationSessionModel authSession, RealmModel realm, UserModel user) {
        if (authSession.getAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS) == null) {
            // Not an emailed link's own flow (the browser was in a login of the application): Keycloak finishes it
            // as that login anyway, with the application's own parameters, which must stay untouched.
            return false;
        }
        if (!choosesPassword(realm, user)) {
            return false;
        }
        authSession.removeAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS);
        authSession.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OIDCResponseType.NONE);
        authSession.removeClientNote(OIDCLoginProtocol.RESPONSE_MODE_PARAM);
        return true;
    }

    /** Whether Keycloak's "Update Password" will run for {@code user} before the flow can finish. */
    private static boolean choosesPassword(RealmModel realm, UserModel user) {
        String updatePassword = UserModel.RequiredAction.UPDATE_PASSWORD.name();
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(updatePassword);
        return action != null && action.isEnabled()
                && user.getRequiredActionsStream().anyMatch(updatePassword::equals);
    }
}
