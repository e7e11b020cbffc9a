package eu.unify.keycloak.activation.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.common.rest.AdminRealmResourceFactory;

/**
 * {@code /admin/realms/{realm}/unify-activation}: the admin REST API of activation codes (sending a welcome message
 * with an activation code).
 */
public final class ActivationAdminResourceProviderFactory extends AdminRealmResourceFactory {

    public static final String ID = "unify-activation";

    public ActivationAdminResourceProviderFactory() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new ActivationAdminResource(session, realm, auth, adminEvent);
    }
}
