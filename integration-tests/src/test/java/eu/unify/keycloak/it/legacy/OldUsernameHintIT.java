package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import eu.unify.keycloak.it.Waits;
import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * After the move, the old legacy username on the login page (form {@code unify-legacy-username-password-form})
 * says to sign in with the account's email, masked, in the user's language, under the unify and keycloak.v2 themes.
 * The legacy store (PostgreSQL) stays configured, as during the migration: a still-linked legacy account signs in by
 * its username through the same form, and Keycloak's brute-force protection works as before.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class OldUsernameHintIT {

    static final LegacyDatabase DB = LegacyDatabase.POSTGRES;
    static final String MOVED = DB.username("Info-Vertrieb");
    static final String MOVED_EMAIL = "info+vertrieb@hint.example.com";
    static final String MASKED = "i***@hint.example.com";
    static final String MOVED_PASSWORD = SuiteSecrets.register("Neu-nach-Umzug-7");
    static final String LINKED = DB.username("Noch-Verknuepft");
    static final String DISABLED = DB.username("Gesperrt");

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @TestSetup
    public void movedAndLinkedAccounts() throws Exception {
        LegacyStores.prepareRealm(realm);
        DB.recreate();
        // Still in the legacy store after the move: the old row does not go away.
        DB.insert(MOVED, LegacyStoreIT.OLD_HASH, MOVED_EMAIL, null, null, DB.username("Info"), null, 1);
        DB.insert(LINKED, LegacyStoreIT.OLD_HASH, null, null, null, null, null, 2);
        DB.insert(DISABLED, LegacyStoreIT.OLD_HASH, null, null, null, null, null, 1);
        // What the move leaves behind: local users named by their email, with the old legacy username kept. Made
        // before the store is added: while it is, Keycloak would find the legacy row's address and refuse the email.
        movedUser(MOVED_EMAIL, MOVED, true);
        movedUser("gesperrt@hint.example.com", DISABLED, false);
        LegacyStores.add(realm, LegacyStores.component(realm, DB, Map.of()));
        HintBrowserFlow.install(realm);
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(true);
        rep.setFailureFactor(30);
        realm.admin().update(rep);
    }

    private void movedUser(String email, String legacyUsername, boolean enabled) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(enabled);
        user.setAttributes(new HashMap<>(Map.of("legacy_username", List.of(legacyUsername), "legacy_wave",
                List.of("1"))));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(MOVED_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm.admin().users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** Forgets Keycloak's cookies (on Keycloak's own address): the next sign-in starts at the login form. */
    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    private void submit(String language, String username, String password) {
        oauth.loginForm().uiLocales(language).open();
        loginPage.assertCurrent();
        loginPage.fillLogin(username, password);
        Browser.submitAndWait(driver, loginPage::submit);
        loginPage.assertCurrent();
    }

    private static String hint(String language) {
        return new MessageFormat(LegacyMessages.get(language, "unify-legacy-moved-hint"), Locale.forLanguageTag(language))
                .format(new Object[] {MASKED});
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void theOldUsernameTellsToSignInWithTheMaskedEmailInTheUsersLanguage(String language) {
        submit(language, MOVED, "the-old-legacy-password");

        assertThat(loginPage.getUsernameInputError()).isEqualTo(hint(language));
        assertThat(driver.page().getPageSource()).doesNotContain(MOVED_EMAIL).doesNotContain("info+vertrieb");
        assertThat(driver.driver().findElements(org.openqa.selenium.By.cssSelector("link[href*='css/unify.css']")))
                .as("the unify theme").isNotEmpty();
    }

    @Test
    void theOldUsernameMatchesRegardlessOfCase() {
        submit("en", MOVED.toUpperCase(Locale.ROOT), "x");
        assertThat(loginPage.getUsernameInputError()).isEqualTo(hint("en"));
    }

    @Test
    void theHintAlsoWorksUnderKeycloaksOwnTheme() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setLoginTheme("keycloak.v2");
        realm.admin().update(rep);
        try {
            submit("de", MOVED, "x");
            assertThat(loginPage.getUsernameInputError()).isEqualTo(hint("de"));
            assertThat(driver.driver().findElements(org.openqa.selenium.By.cssSelector("link[href*='css/unify.css']")))
                    .as("keycloak.v2, not unify").isEmpty();
        } finally {
            rep.setLoginTheme("unify");
            realm.admin().update(rep);
        }
    }

    @Test
    void unknownNamesAndDisabledAccountsGetKeycloaksUsualAnswer() {
        submit("en", "no-such-user-" + DB.prefix, "x");
        assertThat(loginPage.getUsernameInputError()).isEqualTo("Invalid username or password.");

        submit("en", DISABLED, "x");
        assertThat(loginPage.getUsernameInputError()).isEqualTo("Invalid username or password.");
    }

    @Test
    void theMovedAccountSignsInWithItsEmailAndAStillLinkedAccountWithItsLegacyUsername() {
        AuthorizationEndpointResponse moved = login(MOVED_EMAIL, MOVED_PASSWORD);
        assertThat(moved.isSuccess()).as("moved account: %s", moved.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(moved.getCode());
        assertThat(oauth.parseToken(tokens.getAccessToken(), AccessToken.class).getPreferredUsername())
                .isEqualTo(MOVED_EMAIL);
        oauth.doLogout(tokens.getRefreshToken());

        signedOut();
        AuthorizationEndpointResponse linked = login(LINKED, LegacyStoreIT.OLD_PASSWORD);
        assertThat(linked.isSuccess()).as("linked legacy account: %s", linked.getError()).isTrue();

        signedOut();
        AuthorizationEndpointResponse local = login(UnifyRealmConfig.USERNAME, UnifyRealmConfig.PASSWORD);
        assertThat(local.isSuccess()).as("Keycloak's own user: %s", local.getError()).isTrue();
    }

    @Test
    void hintsDoNotCountAsFailuresButWrongPasswordsStillDo() throws Exception {
        String userId = realm.admin().users().search(MOVED_EMAIL, true).get(0).getId();
        realm.admin().attackDetection().clearBruteForceForUser(userId);
        submit("en", MOVED, "x");
        submit("en", MOVED, "y");
        assertThat(failures(userId)).as("the hint is no failed sign-in of the account").isZero();

        submit("en", MOVED_EMAIL, "wrong-password");
        assertThat(loginPage.getUsernameInputError()).isEqualTo("Invalid username or password.");
        assertThat(eventuallyFailures(userId, 1)).isEqualTo(1);
        realm.admin().attackDetection().clearBruteForceForUser(userId);
    }

    private AuthorizationEndpointResponse login(String username, String password) {
        oauth.openLoginForm();
        loginPage.fillLogin(username, password);
        Browser.submitAndWait(driver, loginPage::submit);
        return oauth.parseLoginResponse();
    }

    private int failures(String userId) {
        return ((Number) realm.admin().attackDetection().bruteForceUserStatus(userId).get("numFailures")).intValue();
    }

    /** Keycloak records failures on a background thread. */
    private int eventuallyFailures(String userId, int expected) {
        return Waits.until(() -> failures(userId), seen -> seen >= expected);
    }
}
