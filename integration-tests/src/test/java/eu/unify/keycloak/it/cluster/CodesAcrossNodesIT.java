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
 * Codes on a cluster: the code state lives in the shared database, the sign-in in Infinispan's replicated caches, so a
 * code sent by one node works on another, and the cooldown and the wrong-try count are the same whichever node the
 * user's next request reaches. Each test pins the front to force its requests across nodes.
 */
@ExtendWith(ClusterExtension.class)
class CodesAcrossNodesIT {

    private static final String OLD_PASSWORD = SuiteSecrets.register("Cluster-old-password-1");
    private static final String NEW_PASSWORD = SuiteSecrets.register("Cluster-new-password-2");
    private static final int COOLDOWN_SECONDS = 30;

    private static ClusterRealm realm;
    private static KeycloakCluster cluster;
    private static ClusterMail mail;

    @BeforeAll
    static void realm(KeycloakCluster theCluster, ClusterMail theMail) {
        cluster = theCluster;
        mail = theMail;
        cluster.front().mode(ClusterFront.Mode.ROUND_ROBIN);
        realm = ClusterRealm.create(cluster, mail, "cluster-codes");
        ResetCodeFlow.install(realm.admin(), Map.of(
                "code.resend.cooldown.seconds", Integer.toString(COOLDOWN_SECONDS),
                "response.floor.millis", "0"));
    }

    @AfterAll
    static void dropRealm() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void aCodeSentByNodeOneIsTypedOnNodeTwo() {
        String email = "sent-on-one@example.com";
        realm.createUser(email, OLD_PASSWORD);
        ClusterBrowser browser = realm.newBrowser();

        cluster.front().pin(1);
        Page codePage = ClusterFlows.startReset(browser, realm, email);
        String code = mail.await(email, 1).isEmpty() ? null : mail.latestCode(email);
        assertThat(cluster.front().served()).last().extracting(ClusterFront.Served::node).isEqualTo(1);

        cluster.front().pin(2);
        Page update = browser.submit(codePage, "unify-code-form", Map.of("code", code));
        assertThat(cluster.front().served()).last().extracting(ClusterFront.Served::node).isEqualTo(2);
        assertThat(update.hasForm("kc-passwd-update-form")).as("node 2 accepted node 1's code: %s", update.text())
                .isTrue();
        browser.submit(update, "kc-passwd-update-form",
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertThat(browser.lastRedirect()).as("signed in after the reset").isNotNull();
        assertThat(browser.lastRedirect().getQuery()).contains("code=");

        cluster.front().pin(1);
        ClusterBrowser again = realm.newBrowser();
        assertThat(ClusterFlows.signIn(again, realm, email, NEW_PASSWORD))
                .as("node 1 knows the password set on node 2").isTrue();
    }

    @Test
    void theCooldownAndTheWrongTriesHoldOnEveryNode() {
        String email = "counts@example.com";
        realm.createUser(email, OLD_PASSWORD);
        ClusterBrowser browser = realm.newBrowser();

        cluster.front().pin(1);
        Page codePage = ClusterFlows.startReset(browser, realm, email);
        String code = mail.await(email, 1).isEmpty() ? null : mail.latestCode(email);

        // Asking node 2 for a new code inside node 1's cooldown sends none.
        cluster.front().pin(2);
        Page resent = browser.submit(codePage, "unify-code-form", Map.of("resend", "true"));
        assertThat(resent.text()).contains("You can ask for a new code in");
        assertThat(mail.to(email)).as("no second code inside the cooldown").hasSize(1);

        // Wrong tries alternate between the nodes; the count left goes down by one each time.
        String wrong = code.startsWith("1") ? "22222222" : "11111111";
        Page page = resent;
        for (int left = 4; left >= 1; left--) {
            cluster.front().pin(left % 2 == 0 ? 1 : 2);
            page = browser.submit(page, "unify-code-form", Map.of("code", wrong));
            assertThat(page.text()).contains(left == 1 ? "You have 1 try left." : "You have " + left + " tries left.");
        }
        cluster.front().pin(1);
        page = browser.submit(page, "unify-code-form", Map.of("code", wrong));
        assertThat(page.text()).contains("Too many wrong tries, so this code no longer works.");

        cluster.front().pin(2);
        page = browser.submit(page, "unify-code-form", Map.of("code", code));
        assertThat(page.hasForm("kc-passwd-update-form")).as("the right code is void on node 2 too").isFalse();
        assertThat(page.text()).contains("Too many wrong tries, so this code no longer works.");
    }

    @Test
    void aCodeUsedOnOneNodeIsRefusedOnTheOther() {
        String email = "used-once@example.com";
        realm.createUser(email, OLD_PASSWORD);
        ClusterBrowser browser = realm.newBrowser();

        // Two tabs of one browser on the code page, the code sent once (the second tab is inside the cooldown).
        cluster.front().pin(1);
        Page firstTab = ClusterFlows.startReset(browser, realm, email);
        Page secondTab = ClusterFlows.startReset(browser, realm, email);
        assertThat(mail.await(email, 1)).hasSize(1);
        String code = mail.latestCode(email);

        cluster.front().pin(2);
        Page update = browser.submit(firstTab, "unify-code-form", Map.of("code", code));
        assertThat(update.hasForm("kc-passwd-update-form")).as("node 2 took the code: %s", update.text()).isTrue();

        cluster.front().pin(1);
        Page refused = browser.submit(secondTab, "unify-code-form", Map.of("code", code));
        assertThat(refused.hasForm("kc-passwd-update-form")).as("node 1 refuses the used code").isFalse();
        assertThat(refused.text()).contains("This code has already been used.");
    }
}
