package eu.unify.keycloak.activation.requiredaction;

import java.util.List;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.common.UnifyProviderFactory;

/**
 * {@code unify-account-activation}: pick it in the console's "Send email / required user actions" dialog to send an
 * admin-created user their activation link.
 */
public final class AccountActivationRequiredActionFactory extends UnifyProviderFactory<RequiredActionProvider>
        implements RequiredActionFactory {

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
}
