package eu.unify.keycloak.activation.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import eu.unify.keycloak.common.UnifyProviderFactory;

/**
 * Realm resource {@code unify-activation}: {@code GET /realms/{realm}/unify-activation/landing}, where an activation
 * whose link names no service ends (see {@code ActivationLanding}).
 */
public final class ActivationLandingResourceProviderFactory extends UnifyProviderFactory<RealmResourceProvider>
        implements RealmResourceProviderFactory {

    public static final String ID = "unify-activation";
    public static final String LANDING = "landing";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ActivationLandingResource(session);
            }

            @Override
            public void close() {
            }
        };
    }
}
