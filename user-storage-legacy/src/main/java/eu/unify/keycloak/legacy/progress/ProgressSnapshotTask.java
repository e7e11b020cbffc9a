package eu.unify.keycloak.legacy.progress;

import java.time.LocalDate;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.timer.ScheduledTask;

import eu.unify.keycloak.legacy.federation.LegacyUserStorageProviderFactory;

/**
 * Takes each realm's daily progress snapshot ({@link ProgressHistory}). Runs every hour on every node; a realm that
 * already has today's snapshot is skipped, and the cluster lock of Keycloak's {@link ClusterProvider} keeps two nodes
 * from taking it at once, so each realm gets one snapshot per UTC day whatever the number of nodes and restarts.
 */
final class ProgressSnapshotTask implements ScheduledTask {

    static final String NAME = "unify-legacy-progress-snapshot";
    static final long INTERVAL_MILLIS = 60 * 60 * 1000L;

    private static final Logger LOG = Logger.getLogger(ProgressSnapshotTask.class);

    private final LegacyUserStorageProviderFactory stores;

    ProgressSnapshotTask(LegacyUserStorageProviderFactory stores) {
        this.stores = stores;
    }

    @Override
    public void run(KeycloakSession session) {
        LocalDate today = ProgressHistory.today();
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        session.realms().getRealmsStream()
                .filter(realm -> realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                        .anyMatch(c -> LegacyUserStorageProviderFactory.ID.equals(c.getProviderId())))
                .filter(realm -> !ProgressHistory.hasSnapshotOf(realm, today))
                .map(RealmModel::getId)
                .toList()
                .forEach(realmId -> {
                    if (cluster == null) {
                        snapshot(session, realmId, today);
                    } else {
                        cluster.executeIfNotExecuted(NAME + "::" + realmId, 300, () -> {
                            snapshot(session, realmId, today);
                            return null;
                        });
                    }
                });
    }

    private void snapshot(KeycloakSession session, String realmId, LocalDate today) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                if (realm != null && !ProgressHistory.hasSnapshotOf(realm, today)) {
                    s.getContext().setRealm(realm);
                    ProgressHistory.record(realm, ProgressHistory.Snapshot.of(today,
                            ProgressCounts.of(s, realm, stores).totals()));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("progress snapshot of realm %s not taken (%s); the next run tries again", realmId,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
