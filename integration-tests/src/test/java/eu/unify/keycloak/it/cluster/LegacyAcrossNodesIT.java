package eu.unify.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;

import eu.unify.keycloak.it.cluster.ClusterTokens.Reply;
import eu.unify.keycloak.it.legacy.LegacyDatabase;
import eu.unify.keycloak.it.legacy.LegacyStoreIT;
import eu.unify.keycloak.it.legacy.LegacyStores;

/**
 * The legacy user store on a cluster: each node has its own connection pool to the legacy database and imports an
 * account on its first sign-in. The first sign-ins of one legacy account on both nodes at the same moment must give
 * one Keycloak user, not one per node.
 */
@ExtendWith(ClusterExtension.class)
class LegacyAcrossNodesIT {

    private static final LegacyDatabase DB = LegacyDatabase.POSTGRES;

    private static ClusterRealm realm;
    private static KeycloakCluster cluster;

    @BeforeAll
    static void realm(KeycloakCluster theCluster, ClusterMail mail) throws Exception {
        cluster = theCluster;
        realm = ClusterRealm.create(cluster, mail, "cluster-legacy");
        LegacyStores.prepareRealm(realm.admin());
        ClientRepresentation app = realm.admin().clients().findByClientId(ClusterRealm.CLIENT).get(0);
        app.setDirectAccessGrantsEnabled(true);
        realm.admin().clients().get(app.getId()).update(app);
        DB.recreate();
        for (int i = 0; i < 5; i++) {
            DB.insert(DB.username("Cluster" + i), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 1);
        }
        String realmId = realm.admin().toRepresentation().getId();
        LegacyStores.add(realm.admin(), LegacyStores.component(realmId, DB, Map.of()));
    }

    @AfterAll
    static void dropRealm() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void firstSignInsOfOneAccountOnBothNodesAtOnceGiveOneUser() {
        for (int i = 0; i < 5; i++) {
            String username = DB.username("Cluster" + i);
            List<CompletableFuture<Reply>> signIns = cluster.nodes().stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> ClusterTokens.passwordGrant(node.url(),
                            realm.name(), ClusterRealm.CLIENT, null, username, LegacyStoreIT.OLD_PASSWORD)))
                    .toList();
            List<Reply> replies = signIns.stream().map(CompletableFuture::join).toList();
            replies.forEach(r -> assertThat(r.status()).as("%s: %s", username, r.body()).isEqualTo(200));
            List<String> subjects = replies.stream()
                    .map(r -> ClusterTokens.payload(r.json().get("access_token").asText()).get("sub").asText())
                    .distinct().toList();
            assertThat(subjects).as("one user for %s", username).hasSize(1);
            assertThat(realm.admin().users().search(username, true)).as("stored users named %s", username).hasSize(1);
        }
    }
}
