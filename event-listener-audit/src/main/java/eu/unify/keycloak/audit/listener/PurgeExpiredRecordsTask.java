package eu.unify.keycloak.audit.listener;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import eu.unify.keycloak.audit.jpa.AuditStore;

/**
 * Deletes records past their realm's retention. A deleted realm's records are kept for the retention the realm had when
 * it was deleted (the server default if that is unknown); once the last of them is gone, so is its chain.
 */
final class PurgeExpiredRecordsTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(PurgeExpiredRecordsTask.class);

    private final int defaultRetentionDays;

    PurgeExpiredRecordsTask(int defaultRetentionDays) {
        this.defaultRetentionDays = defaultRetentionDays;
    }

    @Override
    public void run(KeycloakSession session) {
        AuditStore store = AuditStore.of(session);
        Map<String, AuditStore.DeletedRealm> deleted = store.deletedRealms().stream()
                .collect(Collectors.toMap(AuditStore.DeletedRealm::realmId, Function.identity()));
        for (String realmId : store.realmIds()) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm != null) {
                report(realmId, AuditRetention.purgeExpired(session, realm, defaultRetentionDays));
                continue;
            }
            AuditStore.DeletedRealm gone = deleted.get(realmId);
            Integer days = gone == null ? null : gone.retentionDays();
            report(realmId, AuditRetention.purgeExpired(store, realmId, days == null ? defaultRetentionDays : days));
            if (store.dropIfEmpty(realmId)) {
                LOG.debugf("Dropped the emptied audit chain of deleted realm %s", realmId);
            }
        }
    }

    private static void report(String realmId, int purged) {
        if (purged > 0) {
            LOG.debugf("Purged %d audit records of realm %s", purged, realmId);
        }
    }

    @Override
    public String getTaskName() {
        return "unify-audit-purge";
    }
}
