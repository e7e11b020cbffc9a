package eu.unify.keycloak.it.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
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
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.unify.keycloak.it.Axe;
import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.LanguageMenu;
import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.activation.ActivationAction;
import eu.unify.keycloak.it.activation.CodeFormPage;
import eu.unify.keycloak.it.activation.ResetCodeFlow;
import eu.unify.keycloak.it.entitlements.CompanyRealmConfig;
import eu.unify.keycloak.it.entitlements.CompanySetup;
import eu.unify.keycloak.it.entitlements.GatedBrowserFlow;
import eu.unify.keycloak.it.legacy.LegacyDatabase;
import eu.unify.keycloak.it.legacy.LegacyStoreIT;
import eu.unify.keycloak.it.legacy.LegacyStores;

/**
 * The page catalogue: every page and email a user can meet with Unify (theme/README.md lists them), driven to in a
 * real browser as a user gets there, in each of the four languages, and checked by {@link PageChecks}: the document's
 * language, no message key left, no sideways scrolling at 360 px, axe-core's WCAG 2.2 AA rules. One realm (the
 * entitlements realm with reset by code, activation, the access gate, the old-username hint and a legacy store), one
 * browser; a language is chosen with the page's language menu wherever the page can be shown again, so a state is
 * reached once and seen in four languages.
 *
 * <p>With {@code -Pscreenshots} (integration-tests/pom.xml) it also writes every page and email at 1280 and 360 px to
 * docs/screenshots/ with an index page.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class PageCatalogueIT {

    private static final String PASSWORD = CompanyRealmConfig.PASSWORD;
    private static final String NEW_PASSWORD = SuiteSecrets.register("Uusi-salasana-26");
    private static final String LEGACY_PASSWORD = LegacyStoreIT.OLD_PASSWORD;
    private static final LegacyDatabase LEGACY = LegacyDatabase.POSTGRES;
    private static final String WRONG_CODE = "00000000";

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    private PageChecks checks;

    @TestSetup
    public void everyUnifyFlowInOneRealm() throws Exception {
        CompanySetup.create(realm);
        LegacyStores.prepareRealm(realm);
        GatedBrowserFlow.install(realm, "unify-legacy-username-password-form");
        providerContact();
        ResetCodeFlow.install(realm, Map.of("code.max.attempts", "2", "code.lifetime.minutes", "1",
                "code.max.sends.per.hour", "2", "response.floor.millis", "0"));
        ActivationAction.enable(realm);
        RequiredActionProviderSimpleRepresentation move = new RequiredActionProviderSimpleRepresentation();
        move.setProviderId("unify-legacy-migration");
        move.setName("Move legacy accounts to sign-in by email");
        realm.admin().flows().registerRequiredAction(move);
        LEGACY.recreate();
        for (String language : Languages.ALL) {
            company(language + "_haupt", 1, language + "_sub", language + "_fwd");
            company(language + "_pflicht", 2, language + "_pflichtsub");
            company(language + "_alt", 1, language + "_altsub");
        }
        ComponentRepresentation store = LegacyStores.component(realm, LEGACY, Map.of(
                "subAccountsSql", List.of(LegacyDatabase.SUB_ACCOUNTS),
                "moveWaves", List.of("1=2099-12-31", "2=2020-01-01")));
        LegacyStores.add(realm, store);
    }

    private void company(String main, int wave, String... subs) throws Exception {
        LEGACY.insert(LEGACY.username(main), LegacyStoreIT.OLD_HASH, null, "Hanna", "Haupt", null, "orders", wave);
        for (String sub : subs) {
            LEGACY.insert(LEGACY.username(sub), LegacyStoreIT.OLD_HASH, null, "Veit", "Vertrieb", LEGACY.username(main),
                    "orders", wave);
        }
    }

    /** The gate's settings, as an admin fills them in: whom to contact when no company admin can help. */
    private void providerContact() {
        AuthenticationExecutionInfoRepresentation gate = realm.admin().flows().getExecutions(GatedBrowserFlow.ALIAS)
                .stream().filter(e -> "unify-service-access".equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias("unify-service-access-contact");
        config.setConfig(Map.of("provider.contact", "+358 10 123 4567, asiakaspalvelu@unify.example",
                "provider.contact.link", "mailto:asiakaspalvelu@unify.example"));
        realm.admin().flows().newExecutionConfig(gate.getId(), config).close();
    }

    @Test
    void everyPageAndEmailInEveryLanguage() throws Exception {
        Axe.assumeChromium(driver);
        checks = new PageChecks(driver);
        long start = System.nanoTime();
        timed("sign-in", this::signIn);
        timed("access gate", this::accessGate);
        timed("reset by code", this::resetByCode);
        timed("activation", this::activation);
        timed("invitations and welcome messages", this::welcomeMessages);
        timed("legacy move", this::legacyMove);
        timed("error page", this::errorPage);
        checks.writeIndex();
        System.out.printf("PageCatalogueIT: %d pages and emails checked in %d s%n", checks.checked(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private interface Group {
        void run() throws Exception;
    }

    private void timed(String name, Group group) throws Exception {
        long start = System.nanoTime();
        group.run();
        System.out.printf("PageCatalogueIT: %s in %d ms%n", name, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sign-in
    // ---------------------------------------------------------------------------------------------------------------

    private void signIn() throws Exception {
        signedOut();
        openLogin(CompanyRealmConfig.PORTAL);
        for (String language : Languages.ALL) {
            inLanguage(language);
            checks.page("sign-in", "Sign in", language);
        }
        for (String language : Languages.ALL) {
            inLanguage(language);
            loginPage.fillLogin(CompanyRealmConfig.ACME_MEMBER, "not-the-password");
            Browser.submitAndWait(driver, loginPage::submit);
            checks.page("sign-in-wrong-password", "Sign in: wrong password", language);
        }
        // The old-username hint: an account that moved to its email address, typed with its old username.
        String moved = TestUsers.create(realm, "moved.account@example.com", PASSWORD, null);
        UserRepresentation user = realm.admin().users().get(moved).toRepresentation();
        user.setAttributes(Map.of("legacy_username", List.of("Vanha-Tunnus")));
        realm.admin().users().get(moved).update(user);
        for (String language : Languages.ALL) {
            inLanguage(language);
            loginPage.fillLogin("Vanha-Tunnus", "whatever-it-was");
            Browser.submitAndWait(driver, loginPage::submit);
            checks.page("sign-in-old-username", "Sign in: old username of a moved account", language);
        }
        // The legacy database does not answer: back on the form, told to try again later.
        try (Connection lock = LEGACY.lockTable()) {
            for (String language : Languages.ALL) {
                inLanguage(language);
                loginPage.fillLogin(LEGACY.username("Niemand"), LEGACY_PASSWORD);
                Browser.submitAndWait(driver, loginPage::submit);
                assertThat(driver.driver().findElements(By.id("kc-form-login"))).as("back on the form").hasSize(1);
                checks.page("sign-in-legacy-unavailable", "Sign in: legacy database not answering", language);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The access gate: each kind of advice, then the two ways out
    // ---------------------------------------------------------------------------------------------------------------

    private void accessGate() throws Exception {
        String withoutCompany = "ilman.yritysta@example.com";
        TestUsers.create(realm, withoutCompany, PASSWORD, "en");
        deniedInEveryLanguage(CompanyRealmConfig.SHOP, CompanyRealmConfig.ACME_NO_RIGHTS, "access-denied-ask-admins",
                "No access: ask the company admins");
        Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-service-access-other-account")).click());
        assertThat(driver.driver().findElements(By.id("kc-form-login"))).as("the sign-in form again").hasSize(1);
        checks.page("sign-in-other-account", "Sign in again after 'Sign in with another account'", "sl");

        // Matti is signed in (single sign-on) and opens a service his company does not hold: stopped without a form.
        signedOut();
        openLogin(CompanyRealmConfig.PORTAL);
        loginPage.fillLogin(CompanyRealmConfig.ACME_MEMBER, PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        String matti = realm.admin().users().search(CompanyRealmConfig.ACME_MEMBER, true).get(0).getId();
        assertThat(realm.admin().users().get(matti).getUserSessions()).hasSize(1);
        openLogin(CompanyRealmConfig.REPORTS);
        for (String language : Languages.ALL) {
            inLanguage(language);
            checks.page("access-denied-company-lacks-service", "No access: the company does not have the service",
                    language);
        }
        Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-service-access-sign-out")).click());
        assertThat(realm.admin().users().get(matti).getUserSessions()).as("signed out: the session ended").isEmpty();
        assertThat(driver.driver().findElements(By.id("kc-form-login"))).as("the sign-in form again").hasSize(1);
        checks.page("sign-in-signed-out", "Sign in again after 'Sign out'", "sl");
        deniedInEveryLanguage(CompanyRealmConfig.INVOICES, CompanyRealmConfig.GLOBEX_ADMIN,
                "access-denied-no-admins", "No access: no other company admin");
        deniedInEveryLanguage(CompanyRealmConfig.SHOP, withoutCompany, "access-denied-no-company",
                "No access: the account belongs to no company");
    }

    private void deniedInEveryLanguage(String service, String username, String id, String title) {
        signedOut();
        openLogin(service);
        loginPage.fillLogin(username, PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        assertThat(driver.driver().findElements(By.id("unify-service-access"))).as("%s is stopped", username)
                .hasSize(1);
        for (String language : Languages.ALL) {
            inLanguage(language);
            checks.page(id, title, language);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Forgot password: reset by emailed code, every state of the code page
    // ---------------------------------------------------------------------------------------------------------------

    private void resetByCode() throws Exception {
        signedOut();
        openLogin(CompanyRealmConfig.PORTAL);
        driver.findElement(By.cssSelector("a[href*='reset-credentials']")).click();
        for (String language : Languages.ALL) {
            inLanguage(language);
            checks.page("forgot-password", "Forgot password", language);
        }
        for (String language : Languages.ALL) {
            String email = "vergessen-" + language + "@example.com";
            TestUsers.create(realm, email, PASSWORD, language);
            startReset(email, language);
            assertThat(driver.driver().findElements(By.cssSelector(".pf-v5-c-alert")))
                    .as("no banner on the first visit: the instruction says where the code went").isEmpty();
            checks.page("code-first-send", "Code page: code sent", language);
            askForANewCode();
            checks.page("code-cooldown", "Code page: new code asked for too soon", language);
            codePage.submitCode(WRONG_CODE);
            checks.page("code-wrong", "Code page: wrong code, tries left", language);
            codePage.submitCode(WRONG_CODE);
            checks.page("code-voided", "Code page: too many wrong tries", language);
            MimeMessage codeMail;
            try {
                timeOffSet.set(Duration.ofSeconds(61));
                askForANewCode();
                checks.page("code-resend", "Code page: new code sent", language);
                codeMail = waitForMail(email);
                String code = Mails.code(codeMail);
                timeOffSet.set(Duration.ofSeconds(61 + 90));
                codePage.submitCode(code);
                checks.page("code-expired", "Code page: code expired", language);
                timeOffSet.set(Duration.ofSeconds(61 + 90 + 61));
                askForANewCode();
                checks.page("code-cap", "Code page: too many codes this hour", language);
            } finally {
                timeOffSet.set(0);
            }
            checks.email("email-reset-code", "Email: password reset code", language, codeMail);
            String happy = "vergessen-ok-" + language + "@example.com";
            TestUsers.create(realm, happy, PASSWORD, language);
            startReset(happy, language);
            codePage.submitCode(Mails.latestCode(mail, happy));
            updatePasswordPage.assertCurrent();
            checks.page("reset-choose-password", "Reset: choose a new password", language);
        }
    }

    /**
     * "Send a new code", also while the page still counts down: the page's countdown runs on the browser's clock, the
     * server decides on its own (shifted) one. Once the hourly cap is reached the page no longer offers the button; the
     * request is then sent as a page opened earlier would send it, to show the server's answer.
     */
    private void askForANewCode() {
        Browser.submitAndWait(driver, () -> ((JavascriptExecutor) driver.driver()).executeScript(
                "var b = document.getElementById('unify-code-resend');"
                        + "if (b) { b.disabled = false; b.click(); } else {"
                        + " var f = document.getElementById('unify-code-form'); var i = document.createElement('input');"
                        + " i.type = 'hidden'; i.name = 'resend'; i.value = 'true'; f.appendChild(i);"
                        + " HTMLFormElement.prototype.submit.call(f); }"));
    }

    private void startReset(String email, String language) {
        signedOut();
        openLogin(CompanyRealmConfig.PORTAL);
        inLanguage(language);
        driver.findElement(By.cssSelector("a[href*='reset-credentials']")).click();
        driver.findElement(By.id("username")).sendKeys(email);
        Browser.submitAndWait(driver, () -> driver.findElement(By.cssSelector("[type=submit]")).click());
        codePage.assertCurrent();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Activation from the admin console's own button (execute-actions email without a client)
    // ---------------------------------------------------------------------------------------------------------------

    private void activation() throws Exception {
        for (String language : Languages.ALL) {
            signedOut();
            String email = "aktivierung-" + language + "@example.com";
            String userId = TestUsers.create(realm, email, null, language);
            realm.admin().users().get(userId).executeActionsEmail(List.of(ActivationAction.ID));
            MimeMessage invitation = waitForMail(email);
            String link = ActivationAction.link(invitation);

            driver.open(link);
            inLanguage(language);
            checks.page("activation-confirm", "Activation: confirm the next step", language);
            ActivationAction.confirm(driver);
            codePage.assertCurrent();
            checks.page("activation-code", "Activation: code sent", language);
            MimeMessage codeMail = waitForMail(email);
            codePage.submitCode(Mails.code(codeMail));
            updatePasswordPage.assertCurrent();
            checks.page("activation-choose-password", "Activation: choose a password", language);
            Browser.submitAndWait(driver, () -> updatePasswordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD));
            // Signed in, on the account console's start page: never "Invalid parameter: redirect_uri".
            new WebDriverWait(driver.driver(), Duration.ofSeconds(30))
                    .until(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/account/"));
            // (The account console then signs itself in by single sign-on: its own code may show in the address.)
            assertThat(driver.getCurrentUrl()).as("the account console's start page")
                    .startsWith(realm.getBaseUrl() + "/account/").doesNotContain("error=");
            assertThat(driver.driver().findElements(By.id("kc-error-message"))).as("no error page").isEmpty();
            checks.email("email-console-activation", "Email: activation sent from the admin console", language,
                    invitation);
            checks.email("email-activation-code", "Email: activation code", language, codeMail);

            signedOut();
            driver.open(link);
            // Keycloak's action links work once: an activation link opened again is refused.
            inLanguage(language);
            checks.page("activation-link-used", "Activation: link opened again", language);

            signedOut();
            try {
                timeOffSet.set(Duration.ofHours(13));
                driver.open(link);
                inLanguage(language);
                checks.page("activation-link-expired", "Activation: link expired", language);
            } finally {
                timeOffSet.set(0);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Messages that create or welcome accounts: company admins' invitations, welcome codes
    // ---------------------------------------------------------------------------------------------------------------

    private void welcomeMessages() throws Exception {
        String adminToken = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doPasswordGrantRequest(CompanyRealmConfig.ACME_ADMIN, PASSWORD).getAccessToken();
        for (String language : Languages.ALL) {
            String email = "kutsu-" + language + "@acme.example";
            HttpResponse<String> invited = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(realm.getBaseUrl() + "/unify/company/members"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"firstName\":\"Ilona\","
                            + "\"lastName\":\"Kutsu\",\"locale\":\"" + language + "\",\"services\":[\"shop\"],"
                            + "\"customerNumbers\":[\"100234\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
            checks.email("email-invitation", "Email: a company admin's invitation", language, waitForMail(email));

            String welcome = "tervetuloa-" + language + "@example.com";
            String userId = TestUsers.create(realm, welcome, null, language);
            HttpResponse<String> sent = ActivationAction.sendWelcome(realm, adminClient, userId, null, null);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            checks.email("email-welcome-code", "Email: welcome code for an external sign-in", language,
                    waitForMail(welcome));
        }
        ActivationAction.codeInWelcomeMessage(realm, true);
        try {
            for (String language : Languages.ALL) {
                signedOut();
                String welcome = "willkommen-" + language + "@example.com";
                String userId = TestUsers.create(realm, welcome, null, language);
                HttpResponse<String> sent = ActivationAction.sendWelcome(realm, adminClient, userId, null, null);
                assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
                MimeMessage message = waitForMail(welcome);
                checks.email("email-welcome-activation", "Email: welcome with activation link and code", language,
                        message);
                driver.open(ActivationAction.link(message));
                ActivationAction.confirm(driver);
                codePage.assertCurrent();
                inLanguage(language);
                checks.page("activation-welcome-code", "Activation: code of the welcome message", language);
            }
        } finally {
            ActivationAction.codeInWelcomeMessage(realm, false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The move of legacy accounts to sign-in by email, and the mails it sends
    // ---------------------------------------------------------------------------------------------------------------

    private void legacyMove() throws Exception {
        for (String language : Languages.ALL) {
            legacySignIn(language + "_sub", language);
            checks.page("move-sub-account", "Move: a sub-account signs in first", language);

            legacySignIn(language + "_pflicht", language);
            assertThat(driver.driver().findElements(By.id("unify-legacy-move-later"))).as("no 'Later'").isEmpty();
            checks.page("move-deadline-passed", "Move: the deadline has passed", language);

            legacySignIn(language + "_haupt", language);
            checks.page("move", "Move: the main account gives every account an address", language);
            Browser.submitAndWait(driver, () -> ((JavascriptExecutor) driver.driver())
                    .executeScript("document.getElementById('unify-legacy-move-form').submit();"));
            checks.page("move-errors", "Move: addresses missing", language);
            String main = language + ".haupt@move.example";
            fillMove(Map.of(language + "_haupt", main, language + "_sub", language + ".sub@move.example",
                    language + "_fwd", language + ".haupt+fwd@move.example"), language + "_fwd");
            Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-legacy-move-submit")).click());
            checks.email("email-move-activation", "Email: activation of a moved account", language,
                    waitForMail(language + ".sub@move.example"));
            checks.email("email-forwarded", "Email: forwarded to the main account", language, waitForMail(main));
        }
        ComponentRepresentation store = realm.admin().components().query(realm.getId(),
                "org.keycloak.storage.UserStorageProvider", LegacyStores.name(LEGACY)).get(0);
        store.getConfig().putSingle("moveCredentials", "generated-password");
        realm.admin().components().component(store.getId()).update(store);
        for (String language : Languages.ALL) {
            legacySignIn(language + "_pflicht", language);
            fillMove(Map.of(language + "_pflicht", language + ".pflicht@move.example",
                    language + "_pflichtsub", language + ".pflichtsub@move.example"), null);
            Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-legacy-move-submit")).click());
            checks.email("email-new-password", "Email: sign-in details with a new password", language,
                    waitForMail(language + ".pflichtsub@move.example"));
        }
        store.getConfig().putSingle("moveCredentials", "legacy-password");
        realm.admin().components().component(store.getId()).update(store);
        for (String language : Languages.ALL) {
            legacySignIn(language + "_alt", language);
            fillMove(Map.of(language + "_alt", language + ".alt@move.example",
                    language + "_altsub", language + ".altsub@move.example"), null);
            Browser.submitAndWait(driver, () -> driver.findElement(By.id("unify-legacy-move-submit")).click());
            checks.email("email-new-sign-in-name", "Email: the new sign-in name, the password kept", language,
                    waitForMail(language + ".altsub@move.example"));
        }
    }

    private void legacySignIn(String name, String language) {
        signedOut();
        openLogin(CompanyRealmConfig.PORTAL);
        inLanguage(language);
        loginPage.fillLogin(LEGACY.username(name), LEGACY_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
    }

    private void fillMove(Map<String, String> addresses, String forwarded) {
        Map<String, String> indexByName = new HashMap<>();
        for (WebElement hidden : driver.driver().findElements(By.cssSelector("input[name^='account-']"))) {
            indexByName.put(hidden.getAttribute("value").toLowerCase(), hidden.getAttribute("name").substring(8));
        }
        addresses.forEach((name, address) -> {
            WebElement field = driver.findElement(By.id("email-" + indexByName.get(LEGACY.username(name).toLowerCase())));
            field.clear();
            field.sendKeys(address);
        });
        if (forwarded != null) {
            driver.findElement(By.id("forward-" + indexByName.get(LEGACY.username(forwarded).toLowerCase()))).click();
        }
    }

    private MimeMessage waitForMail(String address) {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(20)).until(d -> !Mails.to(mail, address).isEmpty());
        List<MimeMessage> messages = Mails.to(mail, address);
        return messages.get(messages.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Keycloak's error page, as a broken link shows it
    // ---------------------------------------------------------------------------------------------------------------

    private void errorPage() {
        for (String language : Languages.ALL) {
            // The language a user chose earlier on a sign-in page (Keycloak keeps it in a cookie), as a broken link
            // offers no menu.
            signedOut();
            driver.driver().manage().addCookie(new Cookie("KEYCLOAK_LOCALE", language,
                    URI.create(realm.getBaseUrl()).getPath() + "/"));
            driver.open(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=no-such-service"
                    + "&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fapp.example%2F");
            checks.page("error-page", "Error page (a broken link)", language);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void signedOut() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    private void openLogin(String clientId) {
        oauth.client(clientId, CompanyRealmConfig.SECRET).openLoginForm();
    }

    /** Switches the page to {@code language} with its language menu, unless it is in that language already. */
    private void inLanguage(String language) {
        if (!language.equals(driver.findElement(By.tagName("html")).getAttribute("lang"))) {
            LanguageMenu.choose(driver, language);
        }
    }
}
