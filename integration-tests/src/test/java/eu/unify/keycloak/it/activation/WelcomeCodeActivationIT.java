package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
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
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * Story 1 with "Code in the welcome message" switched on for {@code unify-account-activation}: the welcome message
 * ({@code POST .../unify-activation/users/{id}/welcome}) holds the activation link and the code; the page the link
 * opens asks for that code and emails nothing. The link alone (a mail scanner) and the code alone activate nothing.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class WelcomeCodeActivationIT {

    private static final String CHOSEN_PASSWORD = SuiteSecrets.register("Mein-Passwort-7");

    private static final Pattern GROUPED_CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4}){3}");
    private static final String CLIENT_ID = "test-app";

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void switchTheWelcomeCodeOn() {
        ActivationAction.enable(realm);
        ActivationAction.codeInWelcomeMessage(realm, true);
    }

    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @Test
    void theCodeOfTheWelcomeMessageActivatesTheAccountInTheUsersLanguage() throws Exception {
        String email = "willkommen@example.com";
        String userId = TestUsers.create(realm, email, null, "de");
        String redirectUri = redirectUri();

        HttpResponse<String> response = sendWelcome(userId, redirectUri);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<MimeMessage> mails = Mails.to(mail, email);
        assertThat(mails).hasSize(1);
        MimeMessage welcome = mails.get(0);
        assertThat(welcome.getSubject()).isEqualTo(ActivationMessages.format("de", "unify-code-subject-activation-in-message", "default"));
        String code = Mails.code(welcome);
        assertThat(code).matches(GROUPED_CODE);
        assertThat(response.body()).doesNotContain(code);
        // The mail says how to use the code: the link to the page where it is entered, in both parts.
        assertThat(Mails.html(welcome)).contains(ActivationMessages.format("de", "unify-code-email-link-intro"));
        assertThat(Mails.text(welcome)).contains(code).contains(ActivationMessages.format("de", "unify-code-email-link-intro"));
        String link = ActivationAction.link(welcome);
        assertThat(Mails.text(welcome)).contains(link);

        driver.open(link);
        // Keycloak asks to confirm the actions first: a scanner that fetches the link stops here.
        assertThat(realm.admin().users().get(userId).toRepresentation().isEmailVerified()).isFalse();
        ActivationAction.confirm(driver);

        codePage.assertCurrent();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(codePage.visibleText()).contains(ActivationMessages.format("de", "unify-code-instruction-activation-in-message"));
        assertThat(codePage.isResendEnabled()).as("only an admin sends a new welcome code").isFalse();
        assertThat(Mails.to(mail, email)).as("opening the page sends no code").hasSize(1);

        codePage.submitCode(ActivationAction.otherCodeThan(code));
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("de", "unify-code-error-wrong", 4));

        // Forgiving input: lower case, spaces instead of dashes.
        codePage.submitCode(code.toLowerCase(Locale.ROOT).replace('-', ' '));
        updatePasswordPage.assertCurrent();
        Browser.submitAndWait(driver, () -> updatePasswordPage.changePassword(CHOSEN_PASSWORD, CHOSEN_PASSWORD));
        // Signed in after activation (the default): on the service, whose own sign-in completes by single sign-on.
        ServiceLanding.assertLandedOn(driver, redirectUri);
        ServiceLanding.assertSignedInBySingleSignOn(driver, oauth, userId);
        assertThat(realm.admin().users().get(userId).credentials()).extracting(c -> c.getType()).containsExactly("password");
        UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(user.getRequiredActions()).isEmpty();
        assertThat(realm.admin().getEvents()).allSatisfy(
                event -> assertThat(String.valueOf(event.getDetails())).doesNotContain(code));
    }

    @Test
    void anotherAccountsCodeIsWrongAndFiveWrongCodesVoidTheCode() throws Exception {
        String email = "welcome.tries@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        String otherEmail = "welcome.other@example.com";
        String otherId = TestUsers.create(realm, otherEmail, null, "en");
        assertThat(sendWelcome(userId, redirectUri()).statusCode()).isEqualTo(200);
        assertThat(sendWelcome(otherId, redirectUri()).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);
        String otherCode = Mails.latestCode(mail, otherEmail);
        String link = ActivationAction.link(Mails.to(mail, email).get(0));

        driver.open(link);
        ActivationAction.confirm(driver);
        codePage.assertCurrent();
        // A valid code of someone else counts as a wrong code on this account's page and uses nothing up.
        codePage.submitCode(otherCode);
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-wrong", 4));
        for (int left = 3; left >= 1; left--) {
            codePage.submitCode(ActivationAction.otherCodeThan(code));
            assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-wrong", left));
        }
        codePage.submitCode(ActivationAction.otherCodeThan(code));
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).as("the fifth wrong code voided it")
                .hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        assertThat(realm.admin().users().get(userId).credentials()).as("no password chosen").isEmpty();

        // A new welcome message replaces the code, and its code works.
        assertThat(sendWelcome(userId, redirectUri()).statusCode()).isEqualTo(200);
        codePage.submitCode(Mails.latestCode(mail, email));
        updatePasswordPage.assertCurrent();
        assertThat(realm.admin().users().get(otherId).credentials()).as("the other account is untouched").isEmpty();
    }

    /**
     * Codes live in the database, not in the server's memory: a welcome message sent before Keycloak drops every
     * cache of the realm (realms, users, keys) still activates the account. Runs on every database; the restart itself
     * is {@link CodesSurviveRestartIT}, which needs a database that outlives the server.
     */
    @Test
    void aWelcomeMessageStillWorksAfterEveryCacheWasCleared() throws Exception {
        String email = "welcome.cache@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        assertThat(sendWelcome(userId, redirectUri()).statusCode()).isEqualTo(200);
        MimeMessage welcome = Mails.to(mail, email).get(0);

        realm.admin().clearRealmCache();
        realm.admin().clearUserCache();
        realm.admin().clearKeysCache();

        driver.open(ActivationAction.link(welcome));
        ActivationAction.confirm(driver);
        codePage.assertCurrent();
        codePage.submitCode(Mails.code(welcome));
        updatePasswordPage.assertCurrent();
    }

    private String redirectUri() {
        return realm.admin().clients().findByClientId(CLIENT_ID).get(0).getRedirectUris().get(0);
    }

    private HttpResponse<String> sendWelcome(String userId, String redirectUri) throws Exception {
        return ActivationAction.sendWelcome(realm, adminClient, userId, CLIENT_ID, redirectUri);
    }
}
