package eu.unify.keycloak.legacy.hint;

import java.util.Map;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;

/**
 * {@code unify-legacy-username-password-form}: Keycloak's "Username Password Form" with the old-username hint of the
 * legacy migration. Put it in the browser flow in place of the stock form; its options and requirements are the
 * stock form's.
 */
public final class OldUsernameHintFormFactory extends UsernamePasswordFormFactory
        implements ServerInfoAwareProviderFactory {

    public static final String ID = "unify-legacy-username-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new OldUsernameHintForm(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Unify: Username Password Form (old-username hint)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username and password form. When someone types the legacy username of an account that has "
                + "moved to sign-in by email, it tells them to use that email address (shown masked) instead of "
                + "'Invalid username or password'.";
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
