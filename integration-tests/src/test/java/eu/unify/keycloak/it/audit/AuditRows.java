package eu.unify.keycloak.it.audit;

import java.util.List;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.testframework.remote.providers.runonserver.FetchOnServer;
import org.keycloak.testframework.remote.providers.runonserver.RunOnServer;
import org.keycloak.timer.TimerProvider;

/**
 * Reaches UNIFY_AUDIT_RECORD directly inside the server (run-on-server loads this class there), as someone with
 * database access would: keep it free of browser and HTTP classes, which the server does not have.
 */
final class AuditRows {

    private AuditRows() {
    }

    /** Overwrites a stored record's IP address without touching its hash: tampering. */
    static RunOnServer setIp(String recordId, String ip) {
        return session -> session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNativeQuery("update UNIFY_AUDIT_RECORD set IP_ADDRESS = :ip where ID = :id")
                .setParameter("ip", ip)
                .setParameter("id", recordId)
                .executeUpdate();
    }

    /**
     * Sends a successful LOGIN event for the (made-up) user id {@code probeUserId} of the realm in a transaction of its
     * own, which is then rolled back ({@code rollBack}) or committed, as an action that fails after its event would.
     */
    static RunOnServer sendLoginEvent(String realmName, String probeUserId, boolean rollBack) {
        return session -> KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                session.getContext(), own -> {
                    RealmModel realm = own.realms().getRealmByName(realmName);
                    own.getContext().setRealm(realm);
                    new EventBuilder(realm, own).event(EventType.LOGIN).user(probeUserId).client("audit-probe")
                            .success();
                    if (rollBack) {
                        own.getTransactionManager().setRollbackOnly();
                    }
                });
    }

    /** The number of stored records with this id. */
    static FetchOnServer count(String recordId) {
        return session -> String.valueOf(session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNativeQuery("select count(*) from UNIFY_AUDIT_RECORD where ID = :id")
                .setParameter("id", recordId)
                .getSingleResult());
    }

    /**
     * A page of every stored audit record of every realm, deleted realms' included, in a stable order: one line per
     * record, every column as stored, separated by tabs.
     */
    static FetchOnServer allRecords(int first, int max) {
        return session -> {
            List<?> rows = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                    .createNativeQuery("select * from UNIFY_AUDIT_RECORD order by ID")
                    .setFirstResult(first)
                    .setMaxResults(max)
                    .getResultList();
            StringBuilder text = new StringBuilder(rows.size() * 600);
            for (Object row : rows) {
                for (Object column : (Object[]) row) {
                    text.append(column).append('\t');
                }
                text.append('\n');
            }
            return text.toString();
        };
    }

    /** How many records are stored, in how many realms' chains, and how many of those realms are deleted. */
    static FetchOnServer storedCounts() {
        return session -> {
            var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            return em.createNativeQuery("select count(*) from UNIFY_AUDIT_RECORD").getSingleResult() + " "
                    + em.createNativeQuery("select count(distinct REALM_ID) from UNIFY_AUDIT_RECORD").getSingleResult()
                    + " " + em.createNativeQuery("select count(*) from UNIFY_AUDIT_CHAIN where DELETED_AT is not null")
                    .getSingleResult();
        };
    }

    /** Runs the audit trail's scheduled purge now, in the server's (possibly shifted) time. */
    static RunOnServer runPurgeTask() {
        return session -> session.getProvider(TimerProvider.class).getTasks().get("unify-audit-purge")
                .getRunnable().run();
    }
}
