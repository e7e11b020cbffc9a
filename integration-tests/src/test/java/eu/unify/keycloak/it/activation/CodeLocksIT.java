package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordResetPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.LanguageMenu;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Issue 11, item 3: reset codes and locks. A locked account gets no usable code and the same answers as an unknown
 * address; wrong codes lock the account in Keycloak's brute-force protection, after which even the right code fails;
 * a realm-independent bound on wrong codes in a row holds across codes until an admin clears it; a code works only in
 * the browser that asked for it.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class CodeLocksIT {

    private static final String PASSWORD = SuiteSecrets.register("Locks-password-1");
    private static final String NEW_PASSWORD = SuiteSecrets.register("Locks-password-2");
    private static final int COOLDOWN_SECONDS = 10;
    private static final int FAILURE_FACTOR = 3;
    private static final int WRONG_CODES_IN_A_ROW = 7;

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

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginPasswordResetPage resetPage;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void resetByCodeWithBruteForceProtection() {
        ResetCodeFlow.install(realm, Map.of(
                "code.resend.cooldown.seconds", Integer.toString(COOLDOWN_SECONDS),
                "code.max.wrong.in.a.row", Integer.toString(WRONG_CODES_IN_A_ROW),
                "response.floor.millis", "0"));
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(true);
        rep.setFailureFactor(FAILURE_FACTOR);
        rep.setWaitIncrementSeconds(600);
        rep.setMaxFailureWaitSeconds(900);
        // Browser clicks come fast: no extra lock for "quick" failures, so the factor alone decides.
        rep.setQuickLoginCheckMilliSeconds(1L);
        realm.admin().update(rep);
    }

    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @Test
    void aLockedAccountGetsNoCodeAndTheAnswersOfAnUnknownAddress() {
        String known = "locked.lena@example.com";
        String userId = TestUsers.create(realm, known, PASSWORD, null);
        for (int i = 0; i < FAILURE_FACTOR; i++) {
            oauth.openLoginForm();
            loginPage.fillLogin(known, "not-the-password");
            Browser.submitAndWait(driver, loginPage::submit);
        }
        awaitBruteForceLock(userId);
        signedOut();

        startReset(known);
        String lockedPage = codePage.visibleText();
        codePage.submitCode("12345678");
        String lockedAnswer = codePage.codeError().orElseThrow();
        signedOut();
        String unknown = "lost.unknown@example.com";
        startReset(unknown);
        String unknownPage = codePage.visibleText();
        codePage.submitCode("12345678");
        String unknownAnswer = codePage.codeError().orElseThrow();

        assertThat(Mails.to(mail, known)).as("no code for a locked account").isEmpty();
        assertThat(lockedPage).isEqualTo(unknownPage);
        assertThat(lockedAnswer).isEqualTo(unknownAnswer).isEqualTo(message("unify-code-error-wrong", 4));
    }

    @Test
    void wrongCodesLockTheAccountAndThenEvenTheRightCodeFails() {
        String email = "guessed.gustav@example.com";
        String userId = TestUsers.create(realm, email, PASSWORD, null);
        startReset(email);
        String code = Mails.latestCode(mail, email);
        String wrong = code.startsWith("1") ? "22222222" : "11111111";

        for (int left = 4; left > 4 - FAILURE_FACTOR; left--) {
            codePage.submitCode(wrong);
            assertThat(codePage.codeError()).hasValue(message("unify-code-error-wrong", left));
        }
        awaitBruteForceLock(userId);

        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).as("answered as a wrong code")
                .hasValue(message("unify-code-error-wrong", 4 - FAILURE_FACTOR));
        assertThat(driver.driver().findElements(By.id("password-new"))).isEmpty();
    }

    @Test
    void wrongCodesInARowStopEveryCodeOfTheAccountUntilAnAdminClearsThem() throws Exception {
        String email = "bounded.berta@example.com";
        String userId = TestUsers.create(realm, email, PASSWORD, null);
        // The bound holds where the realm has no brute-force protection at all.
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(false);
        realm.admin().update(rep);
        try {
            reachTheBoundOfWrongCodes(email);

            signedOut();
            startReset(email);
            assertThat(Mails.to(mail, email)).as("no new code past the bound").hasSize(2);
            assertThat(lastSendEvent(userId).getDetails()).as("refused for the lock, not for the cooldown")
                    .containsEntry("unify_locked", "true").containsEntry("reason", "wrong_codes_in_a_row");

            assertThat(clearCodeFailures(userId)).isEqualTo(204);
            timeOffSet.set(Duration.ofSeconds(2 * COOLDOWN_SECONDS + 2));
            resetUntilSent(email, 3);
            assertThat(Mails.to(mail, email)).as("a code again once an admin cleared the bound").hasSize(3);
            codePage.submitCode(Mails.latestCode(mail, email));
            updatePasswordPage.assertCurrent();
            updatePasswordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD);
            assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        } finally {
            timeOffSet.set(0);
            rep.setBruteForceProtected(true);
            realm.admin().update(rep);
        }
    }

    @Test
    void aSignInOfTheOwnerEndsTheRowOfWrongCodes() {
        String email = "returning.rosa@example.com";
        TestUsers.create(realm, email, PASSWORD, null);
        // Off, so that only the row of wrong codes stands between the account and its codes.
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(false);
        realm.admin().update(rep);
        try {
            reachTheBoundOfWrongCodes(email);
            signedOut();
            oauth.openLoginForm();
            loginPage.fillLogin(email, PASSWORD);
            Browser.submitAndWait(driver, loginPage::submit);
            assertThat(oauth.parseLoginResponse().isSuccess()).as("the password still signs in").isTrue();

            timeOffSet.set(Duration.ofSeconds(2 * COOLDOWN_SECONDS + 2));
            resetUntilSent(email, 3);
            assertThat(Mails.to(mail, email)).as("a code again after the owner's sign-in").hasSize(3);
            codePage.submitCode(Mails.latestCode(mail, email));
            updatePasswordPage.assertCurrent();
        } finally {
            timeOffSet.set(0);
            rep.setBruteForceProtected(true);
            realm.admin().update(rep);
        }
    }

    /**
     * Types {@link #WRONG_CODES_IN_A_ROW} wrong codes over two codes (a new code does not start the count again), then
     * the right second code, which is refused as a wrong one.
     */
    private void reachTheBoundOfWrongCodes(String email) {
        startReset(email);
        String first = Mails.latestCode(mail, email);
        String wrong = first.startsWith("1") ? "22222222" : "11111111";
        for (int i = 0; i < 5; i++) {
            codePage.submitCode(wrong);
        }
        assertThat(codePage.codeError()).hasValue(message("unify-code-error-exhausted"));

        timeOffSet.set(Duration.ofSeconds(COOLDOWN_SECONDS + 1));
        // The cooldown in the send log follows Keycloak's clock, but the guard against a double click on "send a new
        // code" is a cache entry that lives for the cooldown in real seconds: ask again until the server sends.
        new FluentWait<>(driver).withTimeout(Duration.ofSeconds(3 * COOLDOWN_SECONDS)).pollingEvery(Duration.ofSeconds(1))
                .until(d -> {
                    d.open(d.getCurrentUrl());
                    codePage.resend();
                    return mailArrives(email, 2);
                });
        assertThat(Mails.to(mail, email)).hasSize(2);
        String second = Mails.latestCode(mail, email);
        wrong = second.startsWith("1") ? "22222222" : "11111111";
        for (int i = 5; i < WRONG_CODES_IN_A_ROW; i++) {
            codePage.submitCode(wrong);
        }
        codePage.submitCode(second);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).as("the right code, past the bound")
                .hasValue(message("unify-code-error-wrong", 2));
    }

    @Test
    void aCodeWorksOnlyInTheBrowserThatAskedForIt() throws Exception {
        String email = "two.browsers@example.com";
        TestUsers.create(realm, email, PASSWORD, null);
        startReset(email);
        String code = Mails.latestCode(mail, email);
        String browserA = cookies();
        String formOfA = codeFormAction();

        // Browser B, opened for the same account during the cooldown: it sends nothing.
        signedOut();
        startReset(email);
        assertThat(Mails.to(mail, email)).hasSize(1);
        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).as("B gets the answer of a wrong code")
                .hasValue(message("unify-code-error-wrong", 4));
        assertThat(driver.driver().findElements(By.id("password-new"))).isEmpty();

        HttpResponse<String> inA = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(formOfA))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", browserA)
                        .POST(HttpRequest.BodyPublishers.ofString("code=" + code))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inA.body().contains("id=\"password-new\"")
                || inA.statusCode() == 302 && inA.headers().firstValue("Location").orElse("").contains("required-action"))
                .as("the code still works in A, the browser that asked for it").isTrue();
    }

    /**
     * Starts "Forgot password?" in fresh browsers until the server sends: the cooldown in the send log follows
     * Keycloak's clock, but the guard against a double click is a cache entry that lives for the cooldown in real
     * seconds. The code is mailed after the response, so each try waits a moment for it before the next browser
     * (which would not be the one the code is bound to) asks.
     */
    private void resetUntilSent(String email, int mails) {
        new FluentWait<>(driver).withTimeout(Duration.ofSeconds(3 * COOLDOWN_SECONDS)).pollingEvery(Duration.ofSeconds(1))
                .until(d -> {
                    signedOut();
                    startReset(email);
                    return mailArrives(email, mails);
                });
    }

    /** Whether the {@code mails}-th mail to {@code email} is there within a few seconds. */
    private boolean mailArrives(String email, int mails) {
        try {
            return new FluentWait<>(mail).withTimeout(Duration.ofSeconds(3)).pollingEvery(Duration.ofMillis(100))
                    .until(m -> Mails.to(m, email).size() >= mails);
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private EventRepresentation lastSendEvent(String userId) {
        List<EventRepresentation> events = realm.admin().getEvents(List.of("SEND_RESET_PASSWORD_ERROR"), null, userId,
                null, null, null, 0, 1);
        assertThat(events).isNotEmpty();
        return events.get(0);
    }

    private void awaitBruteForceLock(String userId) {
        // Keycloak counts failures on its own thread, just after the answer.
        Predicate<ManagedRealm> locked = r -> Boolean.TRUE.equals(
                r.admin().attackDetection().bruteForceUserStatus(userId).get("disabled"));
        new FluentWait<>(realm).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(100))
                .until(locked::test);
    }

    private int clearCodeFailures(String userId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl().replace("/realms/", "/admin/realms/")
                        + "/unify-activation/users/" + userId + "/code-failures"))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                .DELETE()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String cookies() {
        return driver.cookies().getAll().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private String codeFormAction() {
        return URI.create(driver.getCurrentUrl())
                .resolve(driver.findElement(By.id("unify-code-form")).getAttribute("action")).toString();
    }

    private void startReset(String email) {
        oauth.openLoginForm();
        loginPage.assertCurrent();
        LanguageMenu.choose(driver, "en");
        driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
        resetPage.assertCurrent();
        resetPage.changePassword(email);
        codePage.assertCurrent();
    }

    private static String message(String key, Object... arguments) {
        return new MessageFormat(ActivationMessages.english().getProperty(key), Locale.ENGLISH).format(arguments);
    }
}
