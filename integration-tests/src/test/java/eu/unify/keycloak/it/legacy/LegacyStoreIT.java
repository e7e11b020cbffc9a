package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
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
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Waits;
import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * The {@code unify-legacy} user federation against a legacy database in MariaDB and in PostgreSQL: first sign-in
 * imports, a wrong password creates nothing, a slow or locked legacy database gives "temporarily unavailable",
 * "Synchronize all users" imports the rest once, and the connection test names wrong columns.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LegacyStoreIT {

    // Made with htpasswd -nbB -C 5 (Apache's bcrypt, $2y$).
    public static final String OLD_PASSWORD = SuiteSecrets.register("Alte-Passwort-1");
    public static final String OLD_HASH = "$2y$05$IP9SYJcqXNHdJewz7fH5YeVaNj2Qg8pKhBLez.FTogtUGCKlWr5qG";
    static final String NEW_PASSWORD = SuiteSecrets.register("Neues-Passwort-2");
    static final String NEW_HASH = "$2y$05$UHHTiDfba3Vwb2hP/yguge6LI/YyqPQqPk63OgfDJ5iNNRrWJWJuG";

    static final int SYNC_ACCOUNTS = 17;
    static final int SYNC_BATCH = 5;

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @TestSetup
    public void legacyStores() throws Exception {
        bruteForceProtection(true);
        // As the README tells ops: legacy accounts often lack an email or names until the move, so "Verify profile"
        // is off, and admins see the legacy attributes.
        RequiredActionProviderRepresentation verifyProfile = realm.admin().flows().getRequiredAction("VERIFY_PROFILE");
        verifyProfile.setEnabled(false);
        realm.admin().flows().updateRequiredAction("VERIFY_PROFILE", verifyProfile);
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
        realm.admin().users().userProfile().update(profile);
        ClientRepresentation client = realm.admin().clients().findByClientId("test-app").get(0);
        client.setDirectAccessGrantsEnabled(true);
        realm.admin().clients().get(client.getId()).update(client);

        for (LegacyDatabase db : LegacyDatabase.values()) {
            db.recreate();
            db.insert(db.username("Haupt"), OLD_HASH, "haupt@" + db.prefix + ".example.com", "Hanna", "Haupt", null,
                    "orders,reports", 1);
            db.insert(db.username("Vertrieb"), OLD_HASH, null, "Veit", "Vertrieb", db.username("Haupt"), "orders", 1);
            db.insert(db.username("Falsch"), OLD_HASH, "falsch@" + db.prefix + ".example.com", null, null, null,
                    null, 2);
            db.insert(db.username("Parallel"), OLD_HASH, null, null, null, null, null, 2);
            db.insert(db.username("Offline"), OLD_HASH, null, null, null, null, null, 2);
            db.insert(db.username("Imported"), OLD_HASH, null, null, null, null, null, 2);
            db.insert(db.username("Wieder"), OLD_HASH, null, null, null, null, null, 2);
            db.insert(refusedUsername(db), OLD_HASH, null, null, null, null, null, 2);
            for (int i = 0; i < SYNC_ACCOUNTS; i++) {
                db.insert(db.username(String.format("sync%02d", i)), OLD_HASH, null, "Sync", "User " + i, null, null,
                        3);
            }
            LegacyStores.add(realm, component(db, Map.of()));
        }
    }

    /** The suite's component for {@code db} (see {@link LegacyStores}), with this class's sync batch size. */
    private ComponentRepresentation component(LegacyDatabase db, Map<String, String> overrides) {
        Map<String, List<String>> options = new HashMap<>();
        options.put("syncBatchSize", List.of(Integer.toString(SYNC_BATCH)));
        overrides.forEach((key, value) -> options.put(key, List.of(value)));
        return LegacyStores.component(realm, db, options);
    }

    private String componentId(LegacyDatabase db) {
        return realm.admin().components().query(realm.getId(), "org.keycloak.storage.UserStorageProvider",
                LegacyStores.name(db)).get(0).getId();
    }

    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    private List<UserRepresentation> stored(String username) {
        return realm.admin().users().search(username.toLowerCase(), true);
    }

    private AuthorizationEndpointResponse browserLogin(String username, String password) {
        submitLogin(username, password);
        return oauth.parseLoginResponse();
    }

    /** Submits the login form and stays on whatever page answers (for sign-ins that must not succeed). */
    private void submitLogin(String username, String password) {
        oauth.openLoginForm();
        loginPage.fillLogin(username, password);
        Browser.submitAndWait(driver, loginPage::submit);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void firstSignInImportsTheAccountAndItStaysLinked(LegacyDatabase db) throws Exception {
        String username = db.username("Haupt");
        assertThat(stored(username)).isEmpty();

        AuthorizationEndpointResponse response = browserLogin(username, OLD_PASSWORD);
        assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        AccessToken token = oauth.parseToken(tokens.getAccessToken(), AccessToken.class);
        assertThat(token.getPreferredUsername()).isEqualTo(username.toLowerCase());

        List<UserRepresentation> users = stored(username);
        assertThat(users).hasSize(1);
        UserRepresentation user = realm.admin().users().get(users.get(0).getId()).toRepresentation();
        assertThat(token.getSubject()).isEqualTo(user.getId());
        assertThat(user.getFederationLink()).isEqualTo(componentId(db));
        assertThat(user.getEmail()).isEqualTo("haupt@" + db.prefix + ".example.com");
        assertThat(user.getFirstName()).isEqualTo("Hanna");
        assertThat(user.getLastName()).isEqualTo("Haupt");
        assertThat(user.getAttributes()).containsEntry("legacy_username", List.of(username))
                .containsEntry("legacy_wave", List.of("1"))
                .containsEntry("legacy_rights", List.of("orders", "reports"))
                .doesNotContainKey("legacy_main_account");
        oauth.doLogout(tokens.getRefreshToken());

        // Still linked: a password changed in the legacy application works, the old one no longer does.
        db.setHash(username, NEW_HASH);
        assertThat(oauth.doPasswordGrantRequest(username, OLD_PASSWORD).isSuccess()).isFalse();
        // Keycloak records the failure on a background thread and refuses the account's next sign-in while it is not
        // recorded yet: wait for it, as a person typing again would.
        assertThat(Waits.until(() -> ((Number) realm.admin().attackDetection().bruteForceUserStatus(user.getId())
                .get("numFailures")).intValue(), failures -> failures >= 1)).isEqualTo(1);
        assertThat(oauth.doPasswordGrantRequest(username, NEW_PASSWORD).isSuccess()).isTrue();

        // A sub-account signs in with its legacy name in any letter case, and knows its main account.
        String sub = db.username("Vertrieb");
        assertThat(oauth.doPasswordGrantRequest(sub.toUpperCase(), OLD_PASSWORD).isSuccess()).isTrue();
        assertThat(stored(sub).get(0).getAttributes())
                .containsEntry("legacy_main_account", List.of(username))
                .containsEntry("legacy_username", List.of(sub));
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void wrongPasswordCreatesNoUserAndCountsForBruteForceProtection(LegacyDatabase db) throws Exception {
        String username = db.username("Falsch");

        submitLogin(username, "not-the-password");
        loginPage.assertCurrent();
        assertThat(loginPage.getUsernameInputError()).isEqualTo("Invalid username or password.");
        assertThat(oauth.doPasswordGrantRequest(username, "still-wrong").isSuccess()).isFalse();
        assertThat(stored(username)).as("no user after wrong passwords").isEmpty();

        // Keycloak records failures on a background thread: wait for both to arrive.
        String federatedId = "f:" + componentId(db) + ":" + username;
        assertThat(Waits.until(() -> ((Number) realm.admin().attackDetection().bruteForceUserStatus(federatedId)
                .get("numFailures")).intValue(), failures -> failures >= 2)).isEqualTo(2);

        // Two quick failures also trip Keycloak's quick-login lock on the account; an admin lifts it, then the right
        // password imports the account, once.
        realm.admin().attackDetection().clearBruteForceForUser(federatedId);
        assertThat(Waits.until(() -> ((Number) realm.admin().attackDetection().bruteForceUserStatus(federatedId)
                .get("numFailures")).intValue(), failures -> failures == 0)).isZero();
        assertThat(oauth.doPasswordGrantRequest(username, OLD_PASSWORD).isSuccess()).isTrue();
        assertThat(stored(username)).hasSize(1);
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void twoFirstSignInsAtOnceCreateOneUser(LegacyDatabase db) {
        String username = db.username("Parallel");
        // With brute-force protection on, Keycloak refuses concurrent sign-ins of one user by design (unless the
        // server allows them); this test is about the import, so it runs without.
        bruteForceProtection(false);
        CompletableFuture<AccessTokenResponse> first =
                CompletableFuture.supplyAsync(() -> oauth.doPasswordGrantRequest(username, OLD_PASSWORD));
        CompletableFuture<AccessTokenResponse> second =
                CompletableFuture.supplyAsync(() -> oauth.doPasswordGrantRequest(username, OLD_PASSWORD));

        assertThat(first.join().isSuccess()).as("first: %s", first.join().getError()).isTrue();
        assertThat(second.join().isSuccess()).as("second: %s", second.join().getError()).isTrue();
        assertThat(stored(username)).hasSize(1);
        String subject = oauth.parseToken(first.join().getAccessToken(), AccessToken.class).getSubject();
        assertThat(oauth.parseToken(second.join().getAccessToken(), AccessToken.class).getSubject()).isEqualTo(subject);
        bruteForceProtection(true);
    }

    private void bruteForceProtection(boolean on) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(on);
        rep.setFailureFactor(30);
        realm.admin().update(rep);
    }

    @Order(4)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void slowLegacyDatabaseSaysSignInIsTemporarilyUnavailable(LegacyDatabase db) throws Exception {
        String imported = db.username("Imported");
        assertThat(oauth.doPasswordGrantRequest(imported, OLD_PASSWORD).isSuccess()).isTrue();
        String unavailable = LegacyMessages.get("en", "unify-legacy-unavailable");

        try (Connection lock = db.lockTable()) {
            // Not yet imported: the lookup itself times out.
            String offline = db.username("Offline");
            submitLogin(offline, OLD_PASSWORD);
            assertThat(driver.page().getPageSource()).contains(unavailable).doesNotContain("Invalid username");
            // Back on the sign-in form, not on an error page: the user can try again from there.
            assertThat(driver.driver().findElements(By.id("kc-form-login"))).as("the sign-in form").hasSize(1);
            assertThat(stored(offline)).isEmpty();

            // Imported: the password check times out.
            driver.cookies().deleteAll();
            submitLogin(imported, OLD_PASSWORD);
            assertThat(driver.page().getPageSource()).contains(unavailable);

            // Keycloak's own users are not affected.
            driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
            driver.cookies().deleteAll();
            AuthorizationEndpointResponse local = browserLogin(UnifyRealmConfig.USERNAME, UnifyRealmConfig.PASSWORD);
            assertThat(local.isSuccess()).as("local user: %s", local.getError()).isTrue();
        }

        // Back to normal once the database answers again.
        assertThat(oauth.doPasswordGrantRequest(db.username("Offline"), OLD_PASSWORD).isSuccess()).isTrue();
    }

    @Order(5)
    @Test
    void connectionTestNamesWrongColumns() {
        ComponentRepresentation wrong = component(LegacyDatabase.POSTGRES, Map.of("listAllSql",
                "SELECT login_name, mail AS email FROM kunden_login LIMIT :limit OFFSET :offset"));
        wrong.setName("legacy-wrong-columns");
        assertThat(LegacyStores.refusal(realm, wrong))
                .contains("login_name")
                .contains("does not return the required column 'username'")
                .contains("expected columns (use AS to rename): username, password_hash");
        ComponentRepresentation spliced = component(LegacyDatabase.MARIADB, Map.of("findByUsernameSql",
                "SELECT login_name AS username, pw_hash AS password_hash FROM kunden_login WHERE login_name = ?"));
        spliced.setName("legacy-positional");
        assertThat(LegacyStores.refusal(realm, spliced)).contains(":username");
        assertThat(realm.admin().components().query(realm.getId(), "org.keycloak.storage.UserStorageProvider"))
                .extracting(ComponentRepresentation::getName)
                .containsExactlyInAnyOrder("legacy-maria", "legacy-pg");
    }

    @Order(6)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void anAccountWhoseUsernameTheRealmRefusesIsNotImported(LegacyDatabase db) throws Exception {
        String refused = refusedUsername(db);
        long logStart = Files.size(UnifyServerConfig.serverLog());

        AccessTokenResponse tokens = oauth.doPasswordGrantRequest(refused, OLD_PASSWORD);
        assertThat(tokens.isSuccess()).as("the right password does not sign it in").isFalse();
        assertThat(tokens.getError()).isEqualTo("invalid_grant");
        assertThat(stored(refused)).as("not imported").isEmpty();
        assertThat(realm.admin().users().searchByAttributes("legacy_username:" + refused)).isEmpty();

        // The admin learns of it in the log, by a reference to the account, never by its name.
        List<String> told = readLog(logStart).lines().filter(line -> line.contains(reference(refused))).toList();
        assertThat(told).as("a log line names the account's reference %s", reference(refused)).isNotEmpty();
        assertThat(told).allSatisfy(line -> assertThat(line).contains("username rules").doesNotContain(refused)
                .doesNotContain(refused.toLowerCase()).doesNotContain("<script>"));
    }

    /** A legacy username the realm's default username rules refuse (characters such as {@code <} and {@code >}). */
    private static String refusedUsername(LegacyDatabase db) {
        return db.username("<script>alert(2)</script>");
    }

    /** How the legacy module names an account in the log: the start of the SHA-256 of its legacy username. */
    static String reference(String legacyUsername) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(legacyUsername.getBytes(StandardCharsets.UTF_8));
            return "legacy account " + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLog(long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(UnifyServerConfig.serverLog().toFile(), "r")) {
            byte[] appended = new byte[(int) Math.max(0, log.length() - offset)];
            log.seek(offset);
            log.readFully(appended);
            return new String(appended, StandardCharsets.UTF_8);
        }
    }

    @Order(7)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void synchronizeAllUsersImportsEveryAccountOnce(LegacyDatabase db) throws Exception {
        String componentId = componentId(db);
        UserRepresentation before = stored(db.username("Haupt")).get(0);
        int alreadyImported = (int) realm.admin().users().list(0, 1000).stream()
                .filter(u -> componentId.equals(u.getFederationLink())).count();
        int total = 7 + SYNC_ACCOUNTS;

        long logStart = Files.size(UnifyServerConfig.serverLog());
        SynchronizationResultRepresentation first = realm.admin().userStorage().syncUsers(componentId,
                "triggerFullSync");
        assertThat(first.getAdded()).isEqualTo(total - alreadyImported);
        // The account whose username the realm refuses is the one failure the console shows, logged by reference.
        assertThat(first.getFailed()).isEqualTo(1);
        assertThat(readLog(logStart)).contains(reference(refusedUsername(db))).doesNotContain(refusedUsername(db));
        assertThat(realm.admin().users().list(0, 1000).stream()
                .filter(u -> componentId.equals(u.getFederationLink()))).hasSize(total);
        UserRepresentation synced = stored(db.username("sync07")).get(0);
        assertThat(synced.getLastName()).isEqualTo("User 7");
        assertThat(realm.admin().users().get(synced.getId()).credentials()).as("no hashing work").isEmpty();

        SynchronizationResultRepresentation again = realm.admin().userStorage().syncUsers(componentId,
                "triggerFullSync");
        assertThat(again.getAdded()).isZero();
        assertThat(again.getUpdated()).isZero();
        assertThat(again.getFailed()).isEqualTo(1);
        UserRepresentation after = stored(db.username("Haupt")).get(0);
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getAttributes()).isEqualTo(before.getAttributes());

        // A synced account signs in with its legacy password.
        assertThat(oauth.doPasswordGrantRequest(db.username("sync07"), OLD_PASSWORD).isSuccess()).isTrue();
    }

    @Order(8)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void anImportedAccountDeletedInKeycloakIsImportedAgainAtItsNextSignIn(LegacyDatabase db) {
        String username = db.username("Wieder");
        assertThat(oauth.doPasswordGrantRequest(username, OLD_PASSWORD).isSuccess()).as("first sign-in").isTrue();
        List<UserRepresentation> imported = stored(username);
        assertThat(imported).as("imported by its first sign-in").hasSize(1);
        String oldId = imported.get(0).getId();

        try (Response deleted = realm.admin().users().delete(oldId)) {
            assertThat(deleted.getStatus()).isEqualTo(204);
        }
        assertThat(stored(username)).isEmpty();

        AccessTokenResponse tokens = oauth.doPasswordGrantRequest(username, OLD_PASSWORD);
        assertThat(tokens.isSuccess()).as("signed in again: %s", tokens.getError()).isTrue();
        List<UserRepresentation> again = stored(username);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).getId()).isNotEqualTo(oldId);
        assertThat(oauth.parseToken(tokens.getAccessToken(), AccessToken.class).getSubject())
                .isEqualTo(again.get(0).getId());
        UserRepresentation user = realm.admin().users().get(again.get(0).getId()).toRepresentation();
        assertThat(user.getFederationLink()).isEqualTo(componentId(db));
        assertThat(user.getAttributes()).containsEntry("legacy_username", List.of(username));
    }
}
