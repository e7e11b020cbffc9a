package eu.unify.keycloak.activation.message;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.common.activation.ActivationMessageProvider;
import eu.unify.keycloak.common.activation.ActivationMessageProviderFactory;

/**
 * {@code unify-activation-message} provider {@code unify-activation-codes}: the activation message that leads to the
 * required action {@code unify-account-activation}, for modules that create accounts (the entitlements module's
 * invitations).
 */
public final class CodeActivationMessageProviderFactory
        implements ActivationMessageProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-activation-codes";

    @Override
    public ActivationMessageProvider create(KeycloakSession session) {
        return new CodeActivationMessageProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
