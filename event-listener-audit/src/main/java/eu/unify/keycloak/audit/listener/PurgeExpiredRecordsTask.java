package eu.unify.keycloak.audit.listener;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import eu.unify.keycloak.audit.jpa.AuditStore;

/** Deletes records past their realm's retention, and the chains of realms that no longer exist. */
final class PurgeExpiredRecordsTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(PurgeExpiredRecordsTask.class);

    private final int defaultRetentionDays;

    PurgeExpiredRecordsTask(int defaultRetentionDays) {
        this.defaultRetentionDays = defaultRetentionDays;
    }

    @Override
    public void run(KeycloakSession session) {
        AuditStore store = AuditStore.of(session);
        for (String realmId : store.realmIds()) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                store.deleteForRealm(realmId);
                continue;
            }
            int purged = AuditRetention.purgeExpired(session, realm, defaultRetentionDays);
            if (purged > 0) {
                LOG.debugf("Purged %d audit records of realm %s", purged, realm.getName());
            }
        }
    }

    @Override
    public String getTaskName() {
        return "unify-audit-purge";
    }
}
