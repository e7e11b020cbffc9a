package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.InjectTestDatabase;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.database.TestDatabase;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.ServerRestart;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Codes live in Keycloak's database, so a restart of Keycloak loses none of them, nor what was counted against them:
 * a welcome code sent before the restart activates its account after it, and the wrong tries typed before the restart
 * still count after it. Restarts the suite's server once (see {@link ServerRestart}); runs where Keycloak's database
 * outlives its process (PostgreSQL in CI), and is skipped on the default in-memory H2, which a restart empties.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class CodesSurviveRestartIT {

    @RegisterExtension
    final ServerRestart restart = new ServerRestart();

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectTestDatabase
    TestDatabase database;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void switchTheWelcomeCodeOn() {
        ActivationAction.enable(realm);
        ActivationAction.codeInWelcomeMessage(realm, true);
    }

    @Test
    void codesAndTheirWrongTriesSurviveARestartOfKeycloak() throws Exception {
        assumeTrue(ServerRestart.databaseOutlivesServer(database),
                "a restart empties the in-memory H2 database; run with KC_TEST_DATABASE=remote (as CI does)");
        String unused = "restart.unused@example.com";
        String unusedId = TestUsers.create(realm, unused, null, "en");
        String tried = "restart.tried@example.com";
        String triedId = TestUsers.create(realm, tried, null, "fi");
        assertThat(sendWelcome(unusedId).statusCode()).isEqualTo(200);
        assertThat(sendWelcome(triedId).statusCode()).isEqualTo(200);
        MimeMessage unusedWelcome = Mails.to(mail, unused).get(0);
        MimeMessage triedWelcome = Mails.to(mail, tried).get(0);
        String triedCode = Mails.code(triedWelcome);

        // Before the restart: four wrong codes on one account leave it one try.
        openCodePage(ActivationAction.link(triedWelcome));
        for (int left = 4; left >= 1; left--) {
            codePage.submitCode(ActivationAction.otherCodeThan(triedCode));
            codePage.assertCurrent();
            assertThat(codePage.codeError()).hasValue(ActivationMessages.format("fi", "unify-code-error-wrong", left));
        }

        restart.now();
        driver.cookies().deleteAll();

        // The code sent before the restart activates its account.
        openCodePage(ActivationAction.link(unusedWelcome));
        codePage.submitCode(Mails.code(unusedWelcome));
        updatePasswordPage.assertCurrent();

        // The wrong tries typed before the restart still count: the fifth voids the code, the right one no longer works.
        driver.cookies().deleteAll();
        openCodePage(ActivationAction.link(triedWelcome));
        codePage.submitCode(ActivationAction.otherCodeThan(triedCode));
        codePage.assertCurrent();
        assertThat(codePage.codeError()).as("the fifth wrong try in all, the first after the restart")
                .hasValue(ActivationMessages.format("fi", "unify-code-error-account-code"));
        codePage.submitCode(triedCode);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("fi", "unify-code-error-account-code"));
        assertThat(realm.admin().users().get(triedId).credentials()).as("no password chosen").isEmpty();
    }

    private void openCodePage(String link) {
        driver.open(link);
        ActivationAction.confirm(driver);
        codePage.assertCurrent();
    }

    private HttpResponse<String> sendWelcome(String userId) throws Exception {
        return ActivationAction.sendWelcome(realm, adminClient, userId, null, null);
    }
}
