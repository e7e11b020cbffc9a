package eu.unify.keycloak.audit.page;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import eu.unify.keycloak.common.UnifyProviderFactory;

/**
 * The audit trail's read-only page at {@code /realms/{realm}/unify-audit/}: realm admins with {@code view-events}
 * browse, filter, page, verify and export the trail without a REST client. The page signs in with the realm's public
 * client {@value AuditPageResource#CLIENT_ID} (PKCE) and reads the admin REST API with that token, so it can do no
 * more than the REST API lets its user do.
 */
public final class AuditPageProviderFactory extends UnifyProviderFactory<RealmResourceProvider>
        implements RealmResourceProviderFactory {

    public static final String ID = "unify-audit";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new AuditPageResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }
}
