package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
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
import org.keycloak.testframework.ui.page.InfoPage;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * Story 1: an admin creates an account and sends the activation email (required action
 * {@code unify-account-activation}); the user opens the link, gets a fresh code by email only then, types it, chooses
 * a password and lands signed in on the service (single sign-on). An account that already has a password is not signed
 * in by link and code alone; with "Sign in after activation" off, Keycloak confirms and the user signs in themselves.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AccountActivationIT {

    private static final String FINNISH_PASSWORD = SuiteSecrets.register("Oma-salasana-7");
    private static final String CHOSEN_PASSWORD = SuiteSecrets.register("Own-password-7");
    private static final String OTHER_PASSWORD = SuiteSecrets.register("Own-password-8");

    /** The service the activation links land on. */
    private static final String CLIENT_ID = "test-app";

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

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

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    InfoPage infoPage;

    @TestSetup
    public void enableTheAction() {
        ActivationAction.enable(realm);
    }

    @BeforeEach
    void signedOut() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @Test
    void adminCreatedAccountIsActivatedWithACodeInTheUsersLanguage() throws Exception {
        String email = "aktivointi@example.com";
        String userId = TestUsers.create(realm, email, null, "fi");
        String redirectUri = sendActivationLink(userId);

        List<MimeMessage> mails = Mails.to(mail, email);
        assertThat(mails).as("only the activation link so far").hasSize(1);
        String link = ActivationAction.link(mails.get(0));
        assertThat(Mails.html(mails.get(0))).doesNotContain("unify-code-value");

        driver.open(link);
        // Keycloak asks to confirm the actions before running them: a prefetching scanner stops here.
        assertThat(Mails.to(mail, email)).as("opening the link alone sends no code").hasSize(1);
        ActivationAction.confirm(driver);

        codePage.assertCurrent();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fi");
        mails = Mails.to(mail, email);
        assertThat(mails).hasSize(2);
        MimeMessage codeMail = mails.get(1);
        assertThat(codeMail.getSubject()).isEqualTo(
                new MessageFormat(ActivationMessages.load("fi").getProperty("unify-code-subject-activation"),
                        Locale.forLanguageTag("fi")).format(new Object[] {"default"}));

        codePage.submitCode(Mails.code(codeMail));

        updatePasswordPage.assertCurrent();
        Browser.submitAndWait(driver, () -> updatePasswordPage.changePassword(FINNISH_PASSWORD, FINNISH_PASSWORD));
        // Signed in, the browser lands on the service named in the activation link (no code pushed to it) ...
        ServiceLanding.assertLandedOn(driver, redirectUri);
        // ... whose own sign-in completes by single sign-on, without the login form.
        ServiceLanding.assertSignedInBySingleSignOn(driver, oauth, userId);

        UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(user.getRequiredActions()).isEmpty();
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN"), null, userId, null, null, null, null, null);
        assertThat(events).as("a normal login of the activation's client").isNotEmpty()
                .allSatisfy(event -> assertThat(event.getClientId()).isEqualTo(CLIENT_ID));
        assertThat(realm.admin().users().get(userId).getUserSessions()).hasSize(1);

        // The password chosen works for a later sign-in as well.
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
        oauth.openLoginForm();
        loginPage.fillLogin(email, FINNISH_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in with the new password: %s", response.getError()).isTrue();
    }

    @Test
    void anAccountThatAlreadyHasAPasswordIsNotSignedInByLinkAndCodeAlone() throws Exception {
        String email = "aktivointi.salasana@example.com";
        String userId = TestUsers.create(realm, email, "Vanha-salasana-3", "en");
        String redirectUri = sendActivationLink(userId);

        openLinkAndTypeTheCode(email);

        // No password chosen here: Keycloak's confirmation, no session.
        infoPage.assertCurrent();
        assertThat(driver.driver().findElements(By.cssSelector("a[href^='" + redirectUri + "']"))).hasSize(1);
        assertThat(realm.admin().users().get(userId).getUserSessions()).isEmpty();
        oauth.openLoginForm();
        loginPage.assertCurrent();
    }

    @Test
    void withSignInAfterActivationOffKeycloakConfirmsAndTheUserSignsInThemselves() throws Exception {
        RequiredActionConfigRepresentation off = new RequiredActionConfigRepresentation();
        off.setConfig(Map.of("sign.in.after.activation", "false"));
        realm.admin().flows().updateRequiredActionConfig(ActivationAction.ID, off);
        realm.cleanup().add(r -> r.flows().removeRequiredActionConfig(ActivationAction.ID));
        String email = "aktivointi.ilman@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        String redirectUri = sendActivationLink(userId);

        openLinkAndTypeTheCode(email);
        updatePasswordPage.assertCurrent();
        Browser.submitAndWait(driver, () -> updatePasswordPage.changePassword(CHOSEN_PASSWORD, CHOSEN_PASSWORD));

        // Keycloak confirms ("account updated") and links back to the service named in the activation link ...
        infoPage.assertCurrent();
        assertThat(driver.driver().findElements(By.cssSelector("a[href^='" + redirectUri + "']"))).hasSize(1);
        assertThat(realm.admin().users().get(userId).getUserSessions()).isEmpty();
        // ... where the user signs in with the email address and the password just chosen.
        oauth.openLoginForm();
        loginPage.fillLogin(email, CHOSEN_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in on the service: %s", response.getError()).isTrue();
    }

    @Test
    void anAccountDisabledDuringTheActivationIsNotSignedIn() throws Exception {
        String email = "aktivointi.estetty@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        String redirectUri = sendActivationLink(userId);

        openLinkAndTypeTheCode(email);
        updatePasswordPage.assertCurrent();
        UserRepresentation disabled = realm.admin().users().get(userId).toRepresentation();
        disabled.setEnabled(false);
        realm.admin().users().get(userId).update(disabled);
        Browser.submitAndWait(driver, () -> updatePasswordPage.changePassword(OTHER_PASSWORD, OTHER_PASSWORD));

        assertThat(driver.getCurrentUrl()).doesNotStartWith(redirectUri);
        assertThat(realm.admin().users().get(userId).getUserSessions()).isEmpty();
        assertThat(realm.admin().getEvents(List.of("LOGIN"), null, userId, null, null, null, null, null)).isEmpty();
    }

    @Test
    void mailServerDownGivesAClearMessageAndRetryingWorks() throws Exception {
        String email = "aktivointi.smtp@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        sendActivationLink(userId);
        String link = ActivationAction.link(Mails.to(mail, email).get(0));

        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = rep.getSmtpServer();
        rep.setSmtpServer(Map.of("host", "localhost", "port", "1", "from", smtp.get("from")));
        realm.admin().update(rep);
        try {
            driver.open(link);
            ActivationAction.confirm(driver);
            codePage.assertCurrent();
            assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-send-failed"));
        } finally {
            rep.setSmtpServer(smtp);
            realm.admin().update(rep);
        }
        assertThat(Mails.to(mail, email)).as("only the activation link").hasSize(1);
        assertThat(codePage.isResendEnabled()).as("a failed send does not start the cooldown").isTrue();

        codePage.resend();
        String code = Mails.latestCode(mail, email);
        codePage.submitCode(code);
        updatePasswordPage.assertCurrent();

        List<EventRepresentation> events = realm.admin().getEvents();
        assertThat(events).extracting(EventRepresentation::getError).contains("email_send_failed");
        assertThat(events).allSatisfy(event -> assertThat(String.valueOf(event.getDetails())).doesNotContain(code));
    }

    @Test
    void anActivationSentWithTheConsolesOwnButtonEndsOnTheRealmsLandingPage() throws Exception {
        RequiredActionConfigRepresentation landing = new RequiredActionConfigRepresentation();
        // Any web page will do; this one is on the test server, so the browser can open it.
        String portal = realm.getBaseUrl() + "/.well-known/openid-configuration";
        landing.setConfig(Map.of("landing.page", portal));
        realm.admin().flows().updateRequiredActionConfig(ActivationAction.ID, landing);
        realm.cleanup().add(r -> r.flows().removeRequiredActionConfig(ActivationAction.ID));
        String email = "aktivointi.konsoli@example.com";
        String userId = TestUsers.create(realm, email, null, "fi");
        // The console's Credential reset: no client, no redirect URI.
        realm.admin().users().get(userId).executeActionsEmail(List.of(ActivationAction.ID));

        openLinkAndTypeTheCode(email);
        updatePasswordPage.assertCurrent();
        Browser.submitAndWait(driver, () -> updatePasswordPage.changePassword(CHOSEN_PASSWORD, CHOSEN_PASSWORD));

        // Signed in, and sent on to the landing page without anything Keycloak appended for the account console.
        new org.openqa.selenium.support.ui.WebDriverWait(driver.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().startsWith(portal));
        assertThat(driver.getCurrentUrl()).isEqualTo(portal);
        assertThat(realm.admin().users().get(userId).getUserSessions()).hasSize(1);
    }

    @Test
    void aLandingPageThatIsNotAWebAddressIsRefusedWhenSaved() {
        RequiredActionConfigRepresentation landing = new RequiredActionConfigRepresentation();
        landing.setConfig(Map.of("landing.page", "portal.example/welcome"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> realm.admin().flows().updateRequiredActionConfig(ActivationAction.ID, landing))
                .isInstanceOf(jakarta.ws.rs.BadRequestException.class);
    }

    /** As an admin does: emails the user the activation link, landing on test-app; returns that redirect URI. */
    private String sendActivationLink(String userId) {
        String redirectUri = realm.admin().clients().findByClientId(CLIENT_ID).get(0).getRedirectUris().get(0);
        realm.admin().users().get(userId).executeActionsEmail(CLIENT_ID, redirectUri, 3600, List.of(ActivationAction.ID));
        return redirectUri;
    }

    /** Opens the link of the user's activation mail, confirms the action, and types the code that was mailed then. */
    private void openLinkAndTypeTheCode(String email) throws Exception {
        driver.open(ActivationAction.link(Mails.to(mail, email).get(0)));
        ActivationAction.confirm(driver);
        codePage.assertCurrent();
        codePage.submitCode(Mails.latestCode(mail, email));
    }
}
