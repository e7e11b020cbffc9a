package eu.unify.keycloak.activation.requiredaction;

import java.net.URI;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.urls.UrlType;

import eu.unify.keycloak.activation.rest.ActivationLandingResourceProviderFactory;

/**
 * Where an activation ends whose link names no service: the links the admin console sends (Credential reset, Send
 * email without a client), company admins' invitations and the legacy move. Keycloak would send such a browser to the
 * account console with {@code session_state} and {@code iss} in the query, which the account console refuses as a
 * redirect URI ("Invalid parameter: redirect_uri"), and its "account updated" page would offer no link at all.
 * <p>
 * Instead the flow ends on Unify's landing address ({@code /realms/{realm}/unify-activation/landing}), which drops
 * whatever Keycloak appended and sends the browser on to the realm's <em>Landing page after activation</em>, or to the
 * account console's start page without one.
 */
public final class ActivationLanding {

    private ActivationLanding() {
    }

    /**
     * Called once the code was right: an emailed link's own flow without a redirect URI of its own ends on the landing
     * address, signed in or through the "account updated" page's link. Links that name a service keep it.
     */
    static void whenNoServiceIsNamed(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        if (authSession.getAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS) == null
                || authSession.getAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS) != null) {
            return;
        }
        String landing = landingAddress(session, realm).toString();
        authSession.setRedirectUri(landing);
        authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, landing);
        authSession.setAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS, "true");
    }

    /** Unify's landing address of the realm, as the browser sees the server. */
    static URI landingAddress(KeycloakSession session, RealmModel realm) {
        return Urls.realmBase(session.getContext().getUri(UrlType.FRONTEND).getBaseUri())
                .path(realm.getName()).path(ActivationLandingResourceProviderFactory.ID)
                .path(ActivationLandingResourceProviderFactory.LANDING).build();
    }

    /** Where the landing address sends the browser: the realm's landing page, else the account console's start page. */
    public static URI target(KeycloakSession session, RealmModel realm) {
        return AccountActivationConfig.landingPage(realm).map(URI::create)
                .orElseGet(() -> Urls.accountBase(session.getContext().getUri(UrlType.FRONTEND).getBaseUri())
                        .path("/").build(realm.getName()));
    }
}
