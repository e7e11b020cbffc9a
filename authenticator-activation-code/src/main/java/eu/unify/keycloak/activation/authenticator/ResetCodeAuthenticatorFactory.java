package eu.unify.keycloak.activation.authenticator;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.common.UnifyProviderFactory;

/** {@code unify-reset-code}: replaces "Send Reset Email" in the reset-credentials flow. */
public final class ResetCodeAuthenticatorFactory extends UnifyProviderFactory<Authenticator>
        implements AuthenticatorFactory {

    public static final String ID = "unify-reset-code";

    private static final Authenticator AUTHENTICATOR = new ResetCodeAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Unify: reset password by emailed code";
    }

    @Override
    public String getHelpText() {
        return "Emails a one-time code and asks the user to type it, instead of sending a reset link. Put it after "
                + "'Choose User' in place of 'Send Reset Email'. Unknown addresses get the same page and timing.";
    }

    @Override
    public String getReferenceCategory() {
        // Keycloak's brute-force protection counts failures only for password, otp and recovery codes.
        return "otp";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ResetCodeConfig.PROPERTIES;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return AUTHENTICATOR;
    }
}
