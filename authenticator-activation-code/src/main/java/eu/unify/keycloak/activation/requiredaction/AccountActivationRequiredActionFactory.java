package eu.unify.keycloak.activation.requiredaction;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;

/**
 * {@code unify-account-activation}: pick it in the console's "Send email / required user actions" dialog to send an
 * admin-created user their activation link.
 */
public final class AccountActivationRequiredActionFactory implements RequiredActionFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-account-activation";

    private static final RequiredActionProvider ACTION = new AccountActivationRequiredAction();
    private static final List<ProviderConfigProperty> PROPERTIES = AccountActivationConfig.properties();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Activate account with an emailed code";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return PROPERTIES;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
