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

    /**
     * Deletes the realm's newest {@code count} sealed records and moves its chain head back to the last one left, as
     * someone covering their tracks with database access would: the chain alone still verifies.
     */
    static RunOnServer dropNewest(String realmName, int count) {
        return session -> {
            var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            String realmId = session.realms().getRealmByName(realmName).getId();
            Number last = (Number) em.createNativeQuery("select max(SEQ) from UNIFY_AUDIT_RECORD where REALM_ID = :r")
                    .setParameter("r", realmId).getSingleResult();
            long keep = last.longValue() - count;
            em.createNativeQuery("delete from UNIFY_AUDIT_RECORD where REALM_ID = :r and SEQ > :keep")
                    .setParameter("r", realmId).setParameter("keep", keep).executeUpdate();
            Object hash = em.createNativeQuery("select HASH from UNIFY_AUDIT_RECORD where REALM_ID = :r and SEQ = :keep")
                    .setParameter("r", realmId).setParameter("keep", keep).getSingleResult();
            em.createNativeQuery("update UNIFY_AUDIT_CHAIN set LAST_SEQ = :keep, LAST_HASH = :hash where REALM_ID = :r")
                    .setParameter("keep", keep).setParameter("hash", hash).setParameter("r", realmId).executeUpdate();
        };
    }

    /**
     * Alters the realm's sealed record {@code seq} (its IP address) and recomputes every hash from there to the head,
     * the head included: a rewritten chain that verifies on its own.
     */
    static RunOnServer rewriteChain(String realmName, long seq, String ip) {
        return session -> {
            var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            String realmId = session.realms().getRealmByName(realmName).getId();
            em.createNativeQuery("update UNIFY_AUDIT_RECORD set IP_ADDRESS = :ip where REALM_ID = :r and SEQ = :seq")
                    .setParameter("ip", ip).setParameter("r", realmId).setParameter("seq", seq).executeUpdate();
            List<?> rows = em.createNativeQuery("select ID, REALM_ID, SEQ, EVENT_TIME, KIND, TYPE, OUTCOME, ERROR,"
                    + " USER_ID, USERNAME, CLIENT_ID, IP_ADDRESS, SESSION_ID, RESOURCE_TYPE, RESOURCE_PATH, DETAILS,"
                    + " PREV_HASH from UNIFY_AUDIT_RECORD where REALM_ID = :r and SEQ >= :seq order by SEQ")
                    .setParameter("r", realmId).setParameter("seq", seq).getResultList();
            String prev = null;
            long at = seq;
            for (Object row : rows) {
                Object[] c = (Object[]) row;
                if (prev == null) {
                    prev = (String) c[16];
                }
                eu.unify.keycloak.audit.record.AuditRecord record = new eu.unify.keycloak.audit.record.AuditRecord(
                        (String) c[0], (String) c[1], 0, ((Number) c[3]).longValue(), (String) c[4], (String) c[5],
                        (String) c[6], (String) c[7], (String) c[8], (String) c[9], (String) c[10], (String) c[11],
                        (String) c[12], (String) c[13], (String) c[14],
                        eu.unify.keycloak.audit.record.DetailsCodec.decode((String) c[15]), null, null)
                        .chained(((Number) c[2]).longValue(), prev);
                em.createNativeQuery("update UNIFY_AUDIT_RECORD set PREV_HASH = :p, HASH = :h where ID = :id")
                        .setParameter("p", record.prevHash()).setParameter("h", record.hash())
                        .setParameter("id", record.id()).executeUpdate();
                prev = record.hash();
                at = record.seq();
            }
            em.createNativeQuery("update UNIFY_AUDIT_CHAIN set LAST_HASH = :h where REALM_ID = :r and LAST_SEQ = :s")
                    .setParameter("h", prev).setParameter("r", realmId).setParameter("s", at).executeUpdate();
        };
    }
}
