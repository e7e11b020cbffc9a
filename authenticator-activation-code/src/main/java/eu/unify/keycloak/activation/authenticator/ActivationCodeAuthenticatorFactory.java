package eu.unify.keycloak.activation.authenticator;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.common.UnifyProviderFactory;
import eu.unify.keycloak.activation.config.AccountCodeOptions;

/**
 * {@code unify-activation-code}: in a first-broker-login flow, links the external sign-in to the pre-created account
 * that the activation code of its welcome message names.
 */
public final class ActivationCodeAuthenticatorFactory extends UnifyProviderFactory<Authenticator>
        implements AuthenticatorFactory {

    public static final String ID = "unify-activation-code";

    private static final Authenticator AUTHENTICATOR = new ActivationCodeAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Unify: link to account by activation code";
    }

    @Override
    public String getHelpText() {
        return "First broker login: asks for the activation code of the welcome message and links the external "
                + "sign-in to the account the code belongs to. Never links by email address. Its settings also "
                + "decide the length and lifetime of the codes that the welcome message carries.";
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
        return AccountCodeOptions.properties();
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
