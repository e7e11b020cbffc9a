package eu.unify.keycloak.it.audit;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
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
}
