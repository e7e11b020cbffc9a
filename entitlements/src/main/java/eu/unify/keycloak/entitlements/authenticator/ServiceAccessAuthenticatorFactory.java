package eu.unify.keycloak.entitlements.authenticator;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.common.UnifyProviderFactory;

/** {@code unify-service-access}: the access gate of the browser flow. */
public final class ServiceAccessAuthenticatorFactory extends UnifyProviderFactory<Authenticator>
        implements AuthenticatorFactory {

    public static final String ID = "unify-service-access";

    private static final Authenticator AUTHENTICATOR = new ServiceAccessAuthenticator();
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
        return "Unify: service access check";
    }

    @Override
    public String getHelpText() {
        return "Stops users who lack the 'access' role of the Unify service (client with unify.service=true) they "
                + "sign in to, and names their company admins. Other clients pass. Add it REQUIRED at the top level "
                + "of the browser flow, after a REQUIRED sub-flow that holds Cookie, Identity Provider Redirector and "
                + "the forms, so it also runs when an SSO session exists. Its settings name whom users contact when "
                + "their company cannot give them access.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ServiceAccessConfig.properties();
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
