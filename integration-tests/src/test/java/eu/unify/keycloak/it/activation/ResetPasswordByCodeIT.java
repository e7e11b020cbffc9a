package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.runonserver.InjectRunOnServer;
import org.keycloak.testframework.remote.runonserver.RunOnServerClient;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordResetPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.LanguageMenu;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * Story 3: "Forgot password?" emails a one-time code; the user types it in the same browser and sets a new password.
 * Real server, real browser, real SMTP catcher.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class ResetPasswordByCodeIT {

    private static final String NEW_PASSWORD = SuiteSecrets.register("New-password-2");
    private static final String OLD_PASSWORD = SuiteSecrets.register("Old-password-1");

    private static final int COOLDOWN_SECONDS = 10;

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectRunOnServer(permittedPackages = "eu.unify.keycloak.it")
    RunOnServerClient runOnServer;

    @InjectPage
    LoginPasswordResetPage resetPage;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void useResetByCode() {
        ResetCodeFlow.install(realm, Map.of(
                "code.resend.cooldown.seconds", Integer.toString(COOLDOWN_SECONDS)));
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(true);
        rep.setFailureFactor(30);
        realm.admin().update(rep);
    }

    @BeforeEach
    void signedOut() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "de"})
    void resetsThePasswordWithTheEmailedCode(String language) throws Exception {
        String email = "reset-" + language + "@example.com";
        String userId = TestUsers.create(realm, email, OLD_PASSWORD, null);

        startReset(email, language);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);

        MimeMessage message = Mails.await(mail, email, 1).get(0);
        // Mailed after the response, still in the language the visitor chose.
        assertThat(message.getSubject()).isEqualTo(
                ActivationMessages.format(language, "unify-code-subject-reset-credentials", realm.getName()));
        String code = Mails.code(message);
        assertThat(code).matches("\\d{8}");
        assertThat(Mails.text(message)).contains(code);

        // Forgiving input: a space in the middle, as when copied from a mail client.
        codePage.submitCode(code.substring(0, 4) + " " + code.substring(4));

        updatePasswordPage.assertCurrent();
        updatePasswordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD);
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in after the reset: %s", response.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        assertThat(oauth.parseToken(tokens.getAccessToken(), AccessToken.class).getEmail()).isEqualTo(email);
        assertThat(realm.admin().users().get(userId).toRepresentation().isEmailVerified()).isTrue();

        oauth.doLogout(tokens.getRefreshToken());
        driver.cookies().deleteAll();
        oauth.openLoginForm();
        loginPage.fillLogin(email, NEW_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        assertThat(oauth.parseLoginResponse().isSuccess()).as("the new password works").isTrue();
    }

    @Test
    void fiveWrongCodesVoidTheCodeAndCountForBruteForceProtection() {
        String email = "wrong-codes@example.com";
        String userId = TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String code = Mails.latestCode(mail, email);
        String wrong = code.startsWith("1") ? "22222222" : "11111111";

        for (int left = 4; left >= 1; left--) {
            codePage.submitCode(wrong);
            codePage.assertCurrent();
            assertThat(codePage.codeError()).hasValue(message("unify-code-error-wrong", left));
        }
        codePage.submitCode(wrong);
        assertThat(codePage.codeError()).hasValue(message("unify-code-error-exhausted"));

        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).as("the right code no longer works").hasValue(message("unify-code-error-exhausted"));

        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(userId);
        assertThat(((Number) status.get("numFailures")).intValue()).as("failures seen by brute-force protection")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aTypingSlipIsExplainedAndNotCounted() {
        String email = "slip@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String code = Mails.latestCode(mail, email);

        codePage.submitCode("1234");
        assertThat(codePage.codeError()).hasValue(message("unify-code-error-format", 8));
        codePage.submitCode(code);
        updatePasswordPage.assertCurrent();
    }

    @Test
    void afterAResendOnlyTheNewestCodeWorks() throws InterruptedException {
        String email = "resend@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String first = Mails.latestCode(mail, email);
        assertThat(codePage.isResendEnabled()).as("cooldown running").isFalse();

        Thread.sleep(COOLDOWN_SECONDS * 1000L + 500);
        // Reload with a GET (a browser refresh of this page would re-post the previous form).
        driver.open(driver.getCurrentUrl());
        codePage.assertCurrent();
        assertThat(Mails.to(mail, email)).as("a reload sends nothing").hasSize(1);
        codePage.waitUntilResendEnabled();
        codePage.resend();
        assertThat(Mails.await(mail, email, 2)).hasSize(2);
        String second = Mails.latestCode(mail, email);
        assertThat(second).isNotEqualTo(first);

        codePage.submitCode(first);
        assertThat(codePage.codeError()).hasValue(message("unify-code-error-wrong", 4));
        codePage.submitCode(second);
        updatePasswordPage.assertCurrent();
    }

    @Test
    void unknownAndKnownAddressesGetTheSamePage() {
        String known = "anna.known@example.com";
        TestUsers.create(realm, known, OLD_PASSWORD, null);
        String unknown = "anna.unknown@example.com";

        startReset(known, "en");
        String knownPage = codePage.visibleText();
        signedOut();
        startReset(unknown, "en");
        String unknownPage = codePage.visibleText();

        assertThat(unknownPage).isEqualTo(knownPage);
        assertThat(knownPage).contains("a***@example.com");
        assertThat(Mails.await(mail, known, 1)).hasSize(1);
        assertThat(Mails.to(mail, unknown)).isEmpty();

        codePage.submitCode("12345678");
        assertThat(codePage.codeError()).hasValue(message("unify-code-error-wrong", 4));
    }

    /**
     * The code is mailed after the page has been answered, so a mail server that is down cannot change the page (that
     * would tell a real address from an unknown one): the page says what it says for every address, the failure is an
     * event for the admin, and a new code asked for once the cooldown has passed arrives.
     */
    @Test
    void mailServerDownLooksLikeAnyOtherSendAndAskingAgainLaterWorks() throws InterruptedException {
        String email = "smtp-down@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = rep.getSmtpServer();
        rep.setSmtpServer(Map.of("host", "localhost", "port", "1", "from", smtp.get("from")));
        realm.admin().update(rep);
        try {
            startReset(email, "en");
            assertThat(codePage.codeError()).isEmpty();
            assertThat(driver.driver().findElements(By.cssSelector(".pf-v5-c-alert, .alert-error"))).isEmpty();
            awaitEvent("SEND_RESET_PASSWORD_ERROR", "email_send_failed");
            assertThat(Mails.to(mail, email)).isEmpty();
        } finally {
            rep.setSmtpServer(smtp);
            realm.admin().update(rep);
        }
        try {
            timeOffSet.set(Duration.ofSeconds(COOLDOWN_SECONDS + 1));
            driver.open(driver.getCurrentUrl());
            codePage.assertCurrent();
            codePage.waitUntilResendEnabled();
            codePage.resend();
            String code = Mails.latestCode(mail, email);
            codePage.submitCode(code);
            updatePasswordPage.assertCurrent();
        } finally {
            timeOffSet.set(0);
        }
    }

    /** Waits (polling) for an event the server records after the response. */
    private void awaitEvent(String type, String error) throws InterruptedException {
        long deadline = System.nanoTime() + Mails.WAIT.toNanos();
        while (realm.admin().getEvents().stream()
                .noneMatch(e -> type.equals(e.getType()) && error.equals(e.getError()))) {
            assertThat(System.nanoTime()).as("a %s event with %s", type, error).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void eventsRecordTheStepsButNeverTheCode() {
        String email = "events@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String code = Mails.latestCode(mail, email);
        codePage.submitCode("00000000".equals(code) ? "11111111" : "00000000");
        codePage.submitCode(code);
        updatePasswordPage.assertCurrent();

        List<EventRepresentation> events = realm.admin().getEvents();
        assertThat(events).extracting(EventRepresentation::getType).contains("SEND_RESET_PASSWORD", "RESET_PASSWORD_ERROR");
        assertThat(events).allSatisfy(event -> assertThat(String.valueOf(event.getDetails())).doesNotContain(code));
    }

    @Test
    void anExpiredCodeFails() {
        String email = "expired@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        String previous = ResetCodeFlow.setOption(realm, "code.lifetime.minutes", "1");
        try {
            startReset(email, "en");
            String code = Mails.latestCode(mail, email);
            // Past the code's minute, well within Keycloak's own 5-minute limit for the login step.
            timeOffSet.set(Duration.ofSeconds(90));
            codePage.submitCode(code);
            codePage.assertCurrent();
            assertThat(codePage.codeError()).hasValue(message("unify-code-error-expired"));
        } finally {
            timeOffSet.set(0);
            ResetCodeFlow.setOption(realm, "code.lifetime.minutes", previous);
        }
    }

    @Test
    void theDatabaseHoldsOnlyAKeyedHashOfTheCode() {
        String email = "stored@example.com";
        String userId = TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String code = Mails.latestCode(mail, email);

        String rows = runOnServer.fetchString(StoredCodeRows.of(userId));

        assertThat(rows.lines()).as("one live code for the user").hasSize(1);
        assertThat(rows).contains("reset-credentials").doesNotContain(code);
        String hash = rows.replaceAll(".*, ([A-Za-z0-9_-]{43})]$", "$1");
        assertThat(hash).hasSize(43).isNotEqualTo(code);
    }

    @Test
    void theSameCodeSubmittedTwiceAtOnceIsRedeemedOnce() throws Exception {
        String email = "double-submit@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String code = Mails.latestCode(mail, email);

        // The user double-clicks: two posts of the same form, same session, at the same moment.
        String action = codeFormAction();
        List<HttpResponse<String>> responses = postAtOnce("code=" + code, action, action);

        long proceeded = responses.stream().filter(ResetPasswordByCodeIT::proceeded).count();
        assertThat(proceeded).as("requests that got past the code").isEqualTo(1);
        assertThat(responses).extracting(HttpResponse::statusCode).allMatch(status -> status < 500);
    }

    @Test
    void resendsFromTwoTabsAtOnceSendOneCode() throws Exception {
        String email = "two-tabs@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String firstTab = codeFormAction();
        startReset(email, "en");
        String secondTab = codeFormAction();
        assertThat(secondTab).isNotEqualTo(firstTab);
        assertThat(Mails.await(mail, email, 1)).as("the second tab is inside the cooldown").hasSize(1);
        Thread.sleep(COOLDOWN_SECONDS * 1000L + 500);

        List<HttpResponse<String>> responses = postAtOnce("resend=true", firstTab, secondTab);

        assertThat(responses).extracting(HttpResponse::statusCode).allMatch(status -> status < 500);
        assertThat(Mails.await(mail, email, 2)).as("the first code plus exactly one new one").hasSize(2);
    }

    @Test
    void aWrongCodeShowsTheCooldownOfACodeSentFromAnotherTab() throws Exception {
        String email = "other-tab@example.com";
        TestUsers.create(realm, email, OLD_PASSWORD, null);
        startReset(email, "en");
        String firstTab = codeFormAction();
        Thread.sleep(COOLDOWN_SECONDS * 1000L + 500);
        startReset(email, "en");
        assertThat(Mails.await(mail, email, 2)).as("the second tab sent a new code").hasSize(2);
        String wrong = Mails.latestCode(mail, email).startsWith("1") ? "22222222" : "11111111";

        // The first tab's own send is past its cooldown, the second tab's is not: the page must show the latter.
        String page = postAtOnce("code=" + wrong, firstTab).get(0).body();

        assertThat(page).contains("id=\"input-error-code\"").containsPattern("data-unify-resend-in=\"([1-9]|10)\"");
    }

    private String codeFormAction() {
        return URI.create(driver.getCurrentUrl())
                .resolve(driver.findElement(By.id("unify-code-form")).getAttribute("action")).toString();
    }

    /** Posts to each form action concurrently with the browser's cookies, as a double click or two tabs would. */
    private List<HttpResponse<String>> postAtOnce(String body, String... actions) throws Exception {
        String cookies = driver.cookies().getAll().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<CompletableFuture<HttpResponse<String>>> pending = Arrays.stream(actions)
                .map(action -> HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build())
                .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : pending) {
            responses.add(response.get());
        }
        return responses;
    }

    /** Past the code step: on to choosing the new password (as a redirect or rendered directly). */
    private static boolean proceeded(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return response.body().contains("id=\"password-new\"")
                || response.statusCode() == 302 && location.contains("required-action");
    }

    /** Opens "Forgot password?" in the given language and asks for a code. */
    private void startReset(String email, String language) {
        oauth.openLoginForm();
        loginPage.assertCurrent();
        LanguageMenu.choose(driver, language);
        // Follow "Forgot password?" by its target: its text is translated.
        driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
        resetPage.assertCurrent();
        resetPage.changePassword(email);
        codePage.assertCurrent();
    }

    private static String message(String key, Object... arguments) {
        Properties messages = ActivationMessages.english();
        String pattern = messages.getProperty(key);
        assertThat(pattern).as("message %s", key).isNotNull();
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
