package eu.unify.keycloak.common.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.common.UnifyProviderFactory;

/**
 * What every Unify admin REST API under {@code /admin/realms/{realm}/<id>} shares: the provider that hands each request
 * its resource, the bundle version in the console's provider info, and no state of its own. A subclass names its id,
 * builds its resource per request, and looks up in {@link #postInit} whatever other factory it needs.
 */
public abstract class AdminRealmResourceFactory
        extends UnifyProviderFactory<AdminRealmResourceProvider>
        implements AdminRealmResourceProviderFactory {

    private final String id;

    protected AdminRealmResourceFactory(String id) {
        this.id = id;
    }

    /** The JAX-RS resource for one request on {@code realm}, already authenticated as {@code auth}. */
    protected abstract Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                       AdminEventBuilder adminEvent);

    @Override
    public final AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                return resource(s, realm, auth, adminEvent);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public final String getId() {
        return id;
    }
}
