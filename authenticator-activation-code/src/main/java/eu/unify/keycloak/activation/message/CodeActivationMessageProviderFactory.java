package eu.unify.keycloak.activation.message;

import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.common.UnifyProviderFactory;
import eu.unify.keycloak.common.activation.ActivationMessageProvider;
import eu.unify.keycloak.common.activation.ActivationMessageProviderFactory;

/**
 * {@code unify-activation-message} provider {@code unify-activation-codes}: the activation message that leads to the
 * required action {@code unify-account-activation}, for modules that create accounts (the entitlements module's
 * invitations).
 */
public final class CodeActivationMessageProviderFactory
        extends UnifyProviderFactory<ActivationMessageProvider>
        implements ActivationMessageProviderFactory {

    public static final String ID = "unify-activation-codes";

    @Override
    public ActivationMessageProvider create(KeycloakSession session) {
        return new CodeActivationMessageProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
