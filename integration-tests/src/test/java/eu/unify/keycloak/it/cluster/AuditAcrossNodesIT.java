package eu.unify.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.it.Waits;

import eu.unify.keycloak.it.SuiteSecrets;

/**
 * The audit trail on a cluster: sign-ins on both nodes at the same moment append to one hash chain in the shared
 * database. Each node keeps only a hint of the chain's head in memory; the chain must stay valid and lose nothing.
 */
@ExtendWith(ClusterExtension.class)
class AuditAcrossNodesIT {

    private static final String PASSWORD = SuiteSecrets.register("Cluster-audit-password-4");
    private static final int SIGN_INS_PER_NODE = 12;

    private static ClusterRealm realm;
    private static KeycloakCluster cluster;

    @BeforeAll
    static void realm(KeycloakCluster theCluster, ClusterMail mail) {
        cluster = theCluster;
        realm = ClusterRealm.create(cluster, mail, "cluster-audit");
        org.keycloak.representations.idm.ClientRepresentation app =
                realm.admin().clients().findByClientId(ClusterRealm.CLIENT).get(0);
        app.setDirectAccessGrantsEnabled(true);
        realm.admin().clients().get(app.getId()).update(app);
    }

    @AfterAll
    static void dropRealm() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void signInsOnBothNodesAtOnceMakeOneValidChain() {
        String email = "audited@example.com";
        realm.createUser(email, PASSWORD);
        long before = checked(1);

        // Each node is addressed directly, both at once: the appends race for the chain's head.
        List<CompletableFuture<ClusterTokens.Reply>> signIns = new ArrayList<>();
        for (int i = 0; i < SIGN_INS_PER_NODE; i++) {
            for (KeycloakCluster.Node node : cluster.nodes()) {
                signIns.add(CompletableFuture.supplyAsync(() -> ClusterTokens.passwordGrant(node.url(), realm.name(),
                        ClusterRealm.CLIENT, null, email, PASSWORD)));
            }
        }
        signIns.forEach(f -> assertThat(f.join().status()).as(f.join().body()).isEqualTo(200));

        for (KeycloakCluster.Node node : cluster.nodes()) {
            // The sealer chains committed records after the commit (one node at a time): wait until none is left.
            JsonNode verified = Waits.until(() -> verify(node.number()), v -> v.get("unsealed").asLong() == 0);
            assertThat(verified.get("valid").asBoolean()).as("node %d: %s", node.number(), verified).isTrue();
        }
        assertThat(checked(2) - before).as("a record for every sign-in on every node")
                .isGreaterThanOrEqualTo((long) SIGN_INS_PER_NODE * cluster.nodes().size());
        assertThat(logins()).as("LOGIN records").isEqualTo(SIGN_INS_PER_NODE * cluster.nodes().size());
    }

    private static long checked(int node) {
        return Waits.until(() -> verify(node), v -> v.get("unsealed").asLong() == 0).get("checked").asLong();
    }

    private static JsonNode verify(int node) {
        try (Keycloak admin = ClusterRealm.adminClient(cluster.node(node))) {
            ClusterTokens.Reply reply = ClusterTokens.get(cluster.node(node).url() + "/admin/realms/" + realm.name()
                    + "/unify-audit/verify", admin.tokenManager().getAccessTokenString());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply.json();
        }
    }

    private static int logins() {
        try (Keycloak admin = ClusterRealm.adminClient(cluster.node(1))) {
            ClusterTokens.Reply reply = ClusterTokens.get(cluster.node(1).url() + "/admin/realms/" + realm.name()
                    + "/unify-audit/records?type=LOGIN&max=500", admin.tokenManager().getAccessTokenString());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply.json().get("records").size();
        }
    }
}
