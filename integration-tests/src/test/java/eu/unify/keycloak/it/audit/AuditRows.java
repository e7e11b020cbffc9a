package eu.unify.keycloak.it.audit;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.testframework.remote.providers.runonserver.FetchOnServer;
import org.keycloak.testframework.remote.providers.runonserver.RunOnServer;

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

    /** The number of stored records with this id. */
    static FetchOnServer count(String recordId) {
        return session -> String.valueOf(session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNativeQuery("select count(*) from UNIFY_AUDIT_RECORD where ID = :id")
                .setParameter("id", recordId)
                .getSingleResult());
    }
}
