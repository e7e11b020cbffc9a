package eu.unify.keycloak.it.activation;

import java.util.Arrays;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.testframework.remote.providers.runonserver.FetchOnServer;

/**
 * Runs inside the server (run-on-server loads this class there): keep it free of browser and mail classes, which the
 * server does not have.
 */
final class StoredCodeRows {

    private StoredCodeRows() {
    }

    /** The user's rows of UNIFY_ACTIVATION_CODE as text, one per line: [id, purpose, key id, hash]. */
    static FetchOnServer of(String userId) {
        return session -> String.join("\n", session
                .getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNativeQuery("select ID, PURPOSE, KEY_ID, CODE_HASH from UNIFY_ACTIVATION_CODE where USER_ID = :user")
                .setParameter("user", userId)
                .getResultList().stream()
                .map(row -> Arrays.toString((Object[]) row))
                .toList());
    }
}
