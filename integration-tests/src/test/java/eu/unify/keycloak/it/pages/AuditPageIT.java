package eu.unify.keycloak.it.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.unify.keycloak.it.Axe;
import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.audit.AuditRealmConfig;
import eu.unify.keycloak.it.audit.RealmAdmins;

/**
 * The audit trail page at /realms/{realm}/unify-audit/ in Chromium: a realm admin with view-events signs in through
 * the realm's public client (PKCE) and browses, filters, pages and verifies the trail and starts an export, in each
 * of the four languages, 360 px wide, passing axe; an admin without view-events is told so.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditPageIT {

    private static final String AUDITOR = "audit.page-auditor@example.com";
    private static final String OUTSIDER = "audit.page-outsider@example.com";
    private static final String PASSWORD = SuiteSecrets.register("Audit-page-passw0rd");
    private static final Duration ANSWER = Duration.ofSeconds(30);

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @Test
    void anAuditorBrowsesFiltersPagesVerifiesAndExportsTheTrailInEveryLanguage() {
        Axe.assumeChromium(driver);
        pageClient();
        RealmAdmins.create(realm, AUDITOR, PASSWORD, "view-events");
        for (int i = 0; i < 52; i++) {
            TestUsers.create(realm, "audit.page-" + i + "@example.com", PASSWORD, null);
        }
        PageChecks checks = new PageChecks(driver);

        signIn(AUDITOR, "en");
        for (String language : Languages.ALL) {
            driver.open(page() + "?lang=" + language);
            waitForRecords();
            // The page's own client id shows in the records (data, not text): not a message key left unfilled.
            checks.page("audit-trail", "Audit trail page (realm admins with view-events)", language,
                    List.of("unify-audit-ui"));
        }
        driver.open(page() + "?lang=en");
        waitForRecords();
        assertThat(rows()).hasSize(50);
        assertThat(driver.findElement(By.id("newer")).isEnabled()).isFalse();

        driver.findElement(By.id("older")).click();
        new WebDriverWait(driver.driver(), ANSWER).until(d -> d.findElement(By.id("range")).getText().startsWith(
                "Records 51 to"));
        assertThat(driver.findElement(By.id("newer")).isEnabled()).isTrue();

        driver.findElement(By.id("type")).sendKeys("ADMIN_USER_CREATE");
        driver.findElement(By.id("user")).sendKeys("no-such-user");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        new WebDriverWait(driver.driver(), ANSWER).until(d -> d.findElement(By.id("range")).getText()
                .equals("No records match these filters."));
        driver.findElement(By.id("user")).clear();
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        new WebDriverWait(driver.driver(), ANSWER).until(d -> d.findElement(By.id("range")).getText()
                .startsWith("Records 1 to 50"));
        assertThat(rows()).allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(1).getText())
                .isEqualTo("ADMIN_USER_CREATE"));

        driver.findElement(By.id("verify")).click();
        WebElement verdict = new WebDriverWait(driver.driver(), ANSWER)
                .until(d -> d.findElements(By.cssSelector("#verdict p")).stream().findFirst().orElse(null));
        assertThat(verdict.getText()).startsWith("The chain is intact:");
        assertThat(verdict.getAttribute("class")).isEqualTo("ok");
        checks.page("audit-trail-verified", "Audit trail page: the chain checked", "en", List.of("unify-audit-ui"));

        driver.findElement(By.id("export-csv")).click();
        driver.findElement(By.id("export-jsonl")).click();
        assertThat(driver.findElement(By.id("status")).getText()).as("no error after the exports").isEmpty();
    }

    @Test
    void anAdminWithoutViewEventsIsToldWhatIsMissing() {
        Axe.assumeChromium(driver);
        pageClient();
        RealmAdmins.create(realm, OUTSIDER, PASSWORD, "view-users");
        PageChecks checks = new PageChecks(driver);
        signIn(OUTSIDER, "de");
        WebElement status = new WebDriverWait(driver.driver(), ANSWER).until(d -> {
            WebElement shown = d.findElement(By.id("status"));
            return shown.getText().contains("view-events") ? shown : null;
        });
        assertThat(status.getText()).startsWith("Ihr Konto darf dieses Prüfprotokoll nicht lesen.");
        assertThat(driver.findElement(By.id("app")).isDisplayed()).isFalse();
        checks.page("audit-trail-forbidden", "Audit trail page: no view-events", "de");
    }

    private String page() {
        return realm.getBaseUrl() + "/unify-audit/";
    }

    private void signIn(String username, String language) {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
        driver.open(page() + "?lang=" + language);
        new WebDriverWait(driver.driver(), ANSWER).until(d -> !d.findElements(By.id("username")).isEmpty());
        loginPage.fillLogin(username, PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        new WebDriverWait(driver.driver(), ANSWER).until(d -> d.getCurrentUrl().startsWith(page()));
    }

    private void waitForRecords() {
        new WebDriverWait(driver.driver(), ANSWER).until(d -> !d.findElements(By.cssSelector("#records tbody tr"))
                .isEmpty());
    }

    private List<WebElement> rows() {
        return driver.driver().findElements(By.cssSelector("#records tbody tr"));
    }

    /** The realm's public client of the page, as the realm export ships it (realm-export, unify-demo-realm.json). */
    private void pageClient() {
        if (!realm.admin().clients().findByClientId("unify-audit-ui").isEmpty()) {
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("unify-audit-ui");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setRootUrl("${authBaseUrl}");
        client.setRedirectUris(List.of("/realms/" + realm.getName() + "/unify-audit/*"));
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256",
                "post.logout.redirect.uris", "/realms/" + realm.getName() + "/unify-audit/*"));
        try (Response created = realm.admin().clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
    }
}
