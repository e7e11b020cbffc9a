package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordResetPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.activation.CodeFormPage;
import eu.unify.keycloak.it.activation.ResetCodeFlow;

/**
 * Unify's own events in the audit trail: a password reset by code ({@code unify-reset-code}) in a realm with the
 * {@code unify-audit} listener on leaves its code mail and its wrong try as records, once each, and neither the
 * records nor the export hold the code or a password.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditedResetByCodeIT {

    private static final String OLD_PASSWORD = SuiteSecrets.register("Audit-reset-Old-1");
    private static final String NEW_PASSWORD = SuiteSecrets.register("Audit-reset-Neu-2");

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginPasswordResetPage resetPage;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void useResetByCode() {
        ResetCodeFlow.install(realm, new HashMap<>());
    }

    @Test
    void sentCodeAndWrongCodeLandOnceEachWithoutTheCode() {
        String email = "audit.reset@example.com";
        String userId = TestUsers.create(realm, email, OLD_PASSWORD, null);

        oauth.openLoginForm();
        loginPage.assertCurrent();
        driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
        resetPage.assertCurrent();
        resetPage.changePassword(email);
        codePage.assertCurrent();
        String code = Mails.latestCode(mail, email);
        String wrong = code.startsWith("1") ? "22222222" : "11111111";
        codePage.submitCode(wrong);
        codePage.assertCurrent();
        codePage.submitCode(code);
        updatePasswordPage.assertCurrent();
        updatePasswordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD);
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in after the reset: %s", response.getError()).isTrue();

        AuditApi api = new AuditApi(realm);
        String token = admin.tokenManager().getAccessTokenString();
        List<JsonNode> records = api.records(token, Map.of("user", email,
                "type", "SEND_RESET_PASSWORD,RESET_PASSWORD_ERROR"));
        assertThat(records).extracting(r -> r.get("type").asText())
                .containsExactly("RESET_PASSWORD_ERROR", "SEND_RESET_PASSWORD");

        JsonNode sent = records.get(1);
        assertThat(sent.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(sent.get("userId").asText()).isEqualTo(userId);
        assertThat(sent.get("clientId").asText()).isEqualTo("test-app");
        JsonNode refused = records.get(0);
        assertThat(refused.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(refused.get("error").asText()).isEqualTo("invalid_code");
        assertThat(refused.get("userId").asText()).isEqualTo(userId);
        assertThat(refused.get("details").get("attempts_left").asText()).isEqualTo("4");
        assertThat(refused.get("seq").asLong()).isGreaterThan(sent.get("seq").asLong());

        for (String format : List.of("jsonl", "csv")) {
            AuditApi.Reply export = api.get(token, "export", Map.of("format", format));
            assertThat(export.status()).as(export.body()).isEqualTo(200);
            assertThat(export.body()).as("%s export", format).contains(userId)
                    .doesNotContain(code).doesNotContain(wrong)
                    .doesNotContain(OLD_PASSWORD).doesNotContain(NEW_PASSWORD);
        }
        assertThat(api.verify(token).get("valid").asBoolean()).isTrue();
    }
}
