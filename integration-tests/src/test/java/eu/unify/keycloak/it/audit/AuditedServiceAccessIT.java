package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.entitlements.CompanyRealmConfig;
import eu.unify.keycloak.it.entitlements.GatedBrowserFlow;

/**
 * The entitlements gate ({@code unify-service-access}) stopping a user without the right to a service raises a
 * LOGIN_ERROR {@code access_denied} event: with {@code unify-audit} on it lands once, naming the service, with no
 * password.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditedServiceAccessIT {

    @InjectRealm(config = AuditedCompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @TestSetup
    public void gatedBrowserFlow() {
        GatedBrowserFlow.install(realm);
    }

    @Test
    void aDeniedServiceLandsOnceWithTheService() {
        oauth.client(CompanyRealmConfig.SHOP, CompanyRealmConfig.SECRET).openLoginForm();
        loginPage.fillLogin(CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        assertThat(driver.findElement(By.id("unify-service-access")).getText()).as("the denied page").isNotBlank();

        AuditApi api = new AuditApi(realm);
        String token = admin.tokenManager().getAccessTokenString();
        List<JsonNode> records = api.records(token, Map.of("user", CompanyRealmConfig.ACME_NO_RIGHTS,
                "type", "LOGIN,LOGIN_ERROR"));
        assertThat(records).extracting(r -> r.get("type").asText()).containsExactly("LOGIN_ERROR");
        JsonNode denied = records.get(0);
        assertThat(denied.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(denied.get("error").asText()).isEqualTo("access_denied");
        assertThat(denied.get("clientId").asText()).isEqualTo(CompanyRealmConfig.SHOP);
        assertThat(denied.get("username").asText()).isEqualTo(CompanyRealmConfig.ACME_NO_RIGHTS);
        assertThat(denied.get("details").get("unify_service").asText()).isEqualTo(CompanyRealmConfig.SHOP);

        AuditApi.Reply export = api.get(token, "export", Map.of("format", "jsonl"));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.body()).contains("access_denied").doesNotContain(CompanyRealmConfig.PASSWORD)
                .doesNotContain(CompanyRealmConfig.SECRET);
    }

    /** The entitlements test realm with the audit listener on. */
    public static class AuditedCompanyRealmConfig extends CompanyRealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return super.configure(realm).update(rep -> rep.setEventsListeners(List.of("jboss-logging", "unify-audit")));
        }
    }
}
