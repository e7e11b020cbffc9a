package eu.unify.keycloak.audit.rest;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.audit.listener.AuditEventListenerProviderFactory;
import eu.unify.keycloak.common.rest.AdminRealmResourceFactory;

/** The audit trail's admin REST API under {@code /admin/realms/{realm}/unify-audit}. */
public final class AuditResourceProviderFactory extends AdminRealmResourceFactory {

    public static final String ID = "unify-audit";

    private AuditEventListenerProviderFactory listener;

    public AuditResourceProviderFactory() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        // Without the listener (switched off server-wide) nothing is recorded, so nothing is purged either.
        int retention = listener == null ? 0 : listener.defaultRetentionDays();
        return new AuditResource(session, realm, auth, adminEvent, retention, listener == null ? 0 : listener.failures(),
                listener != null && listener.recordsTokenRequests());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The listener's options (server default retention, token requests) are the one source; read them, do not repeat them.
        listener = (AuditEventListenerProviderFactory) factory.getProviderFactory(EventListenerProvider.class,
                AuditEventListenerProviderFactory.ID);
    }
}
