package eu.unify.keycloak.legacy.progress;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.timer.TimerProvider;

import eu.unify.keycloak.common.rest.AdminRealmResourceFactory;
import eu.unify.keycloak.legacy.federation.LegacyUserStorageProviderFactory;

/** The legacy migration's admin REST API under {@code /admin/realms/{realm}/unify-legacy}. */
public final class ProgressResourceProviderFactory extends AdminRealmResourceFactory {

    public static final String ID = "unify-legacy";

    private LegacyUserStorageProviderFactory stores;

    public ProgressResourceProviderFactory() {
        super(ID);
    }

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new ProgressResource(session, realm, auth, adminEvent, stores);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The store factory owns the connection pools; the report asks the legacy databases through it.
        stores = (LegacyUserStorageProviderFactory) factory.getProviderFactory(UserStorageProvider.class,
                LegacyUserStorageProviderFactory.ID);
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                // Hourly; each realm is snapshotted once per UTC day (see ProgressSnapshotTask).
                timer.scheduleTask(new ProgressSnapshotTask(stores), ProgressSnapshotTask.INTERVAL_MILLIS,
                        ProgressSnapshotTask.NAME);
            }
        }
    }
}
