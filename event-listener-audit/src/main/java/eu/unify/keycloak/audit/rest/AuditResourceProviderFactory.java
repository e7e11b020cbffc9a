package eu.unify.keycloak.audit.rest;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.audit.listener.AuditEventListenerProviderFactory;
import eu.unify.keycloak.common.UnifyVersion;

/** The audit trail's admin REST API under {@code /admin/realms/{realm}/unify-audit}. */
public final class AuditResourceProviderFactory
        implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-audit";

    private AuditEventListenerProviderFactory listener;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                                      AdminEventBuilder adminEvent) {
                // Without the listener (switched off server-wide) nothing is recorded, so nothing is purged either.
                int retention = listener == null ? 0 : listener.defaultRetentionDays();
                return new AuditResource(s, realm, auth, adminEvent, retention, listener == null ? 0 : listener.failures());
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
        // The listener's options (server default retention) are the one source; read them, do not repeat them.
        listener = (AuditEventListenerProviderFactory) factory.getProviderFactory(EventListenerProvider.class,
                AuditEventListenerProviderFactory.ID);
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
