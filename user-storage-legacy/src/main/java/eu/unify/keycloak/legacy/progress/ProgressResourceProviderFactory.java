package eu.unify.keycloak.legacy.progress;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStorageProvider;

import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.legacy.storage.LegacyUserStorageProviderFactory;

/** The legacy migration's admin REST API under {@code /admin/realms/{realm}/unify-legacy}. */
public final class ProgressResourceProviderFactory
        implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-legacy";

    private LegacyUserStorageProviderFactory stores;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                return new ProgressResource(s, realm, auth, stores);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The store factory owns the connection pools; the report asks the legacy databases through it.
        stores = (LegacyUserStorageProviderFactory) factory.getProviderFactory(UserStorageProvider.class,
                LegacyUserStorageProviderFactory.ID);
    }

    @Override
    public void close() {
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
