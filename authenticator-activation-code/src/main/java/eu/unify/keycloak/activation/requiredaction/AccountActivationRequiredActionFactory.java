package eu.unify.keycloak.activation.requiredaction;

import java.util.List;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
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

    /** Refuses a landing page that is not a web address; the code options fall back to defaults instead. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        String problem = AccountActivationConfig.landingPageProblem(model.getConfigValue(AccountActivationConfig.LANDING_PAGE));
        if (problem != null) {
            throw new ModelValidationException(problem);
        }
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }
}
