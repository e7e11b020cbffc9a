package eu.unify.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.activation.ResetCodeFlow;
import eu.unify.keycloak.it.cluster.ClusterBrowser.Page;

/**
 * A node dies (SIGKILL: no shutdown, no handover) while a user is on the code page it served. The user's next request
 * reaches the surviving node, which finishes the reset: the sign-in lives in Infinispan's distributed caches with two
 * owners, the code in the database. Nothing is left half-done: the code works once, the new password works, and the
 * old one no longer does. The killed node is started again afterwards for the other cluster tests.
 */
@ExtendWith(ClusterExtension.class)
class NodeKilledOnTheCodePageIT {

    private static final String OLD_PASSWORD = SuiteSecrets.register("Cluster-before-crash-1");
    private static final String NEW_PASSWORD = SuiteSecrets.register("Cluster-after-crash-2");

    private static ClusterRealm realm;
    private static KeycloakCluster cluster;
    private static ClusterMail mail;

    @BeforeAll
    static void realm(KeycloakCluster theCluster, ClusterMail theMail) {
        cluster = theCluster;
        mail = theMail;
        cluster.front().mode(ClusterFront.Mode.STICKY);
        realm = ClusterRealm.create(cluster, mail, "cluster-crash");
        ResetCodeFlow.install(realm.admin(), Map.of("response.floor.millis", "0"));
    }

    @AfterAll
    static void dropRealm() {
        try {
            if (realm != null) {
                realm.close();
            }
        } finally {
            cluster.front().mode(ClusterFront.Mode.ROUND_ROBIN);
        }
    }

    @Test
    void theUserFinishesOnTheOtherNode() {
        String email = "crash@example.com";
        realm.createUser(email, OLD_PASSWORD);
        ClusterBrowser browser = realm.newBrowser();
        cluster.front().pin(1);
        Page codePage = ClusterFlows.startReset(browser, realm, email);
        String code = mail.await(email, 1).isEmpty() ? null : mail.latestCode(email);

        cluster.kill(cluster.node(1));
        try {
            // The load balancer notices and sends the user's next request to the node that is left.
            cluster.front().pin(2);
            Page update = browser.submit(codePage, "unify-code-form", Map.of("code", code));
            assertThat(update.status()).isLessThan(500);
            assertThat(update.hasForm("kc-passwd-update-form")).as("node 2 carries on: %s", update.text()).isTrue();
            browser.submit(update, "kc-passwd-update-form",
                    Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
            assertThat(browser.lastRedirect()).as("signed in on node 2").isNotNull();
            assertThat(browser.lastRedirect().getQuery()).contains("code=");

            assertThat(ClusterFlows.signIn(realm.newBrowser(), realm, email, NEW_PASSWORD)).as("new password").isTrue();
            assertThat(ClusterFlows.signIn(realm.newBrowser(), realm, email, OLD_PASSWORD)).as("old password").isFalse();
            ClusterBrowser later = realm.newBrowser();
            Page again = ClusterFlows.startReset(later, realm, email);
            Page reused = later.submit(again, "unify-code-form", Map.of("code", code));
            assertThat(reused.hasForm("kc-passwd-update-form")).as("the used code works no more").isFalse();
        } finally {
            cluster.restart(cluster.node(1));
        }
    }
}
