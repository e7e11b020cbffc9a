package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
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
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * The move of legacy accounts to sign-in by email (required action {@code unify-legacy-migration}), in Chromium,
 * against a legacy database in MariaDB and in PostgreSQL, with the mails read from the catcher: the whole move of a
 * company, waves and deadlines, a sub-account that signs in first, bad input, a double submit, a failure on one
 * account, and each way sub-accounts get their credentials. One realm; the accounts of each test are its own.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LegacyMoveIT {

    static final String OLD_PASSWORD = LegacyStoreIT.OLD_PASSWORD;
    static final String OLD_HASH = LegacyStoreIT.OLD_HASH;
    static final String ACTION = "unify-legacy-migration";
    static final String ACTIVATION = "unify-account-activation";
    static final String OPTIONAL_WAVE = "1";
    static final String MANDATORY_WAVE = "2";
    static final String DISABLED_WAVE = "9";
    static final String MAIL_MANAGER = "move.mail.manager@example.com";
    static final String MAIL_MANAGER_PASSWORD = SuiteSecrets.register("Admin-Passwort-5");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTION_LINK = Pattern.compile("href=\"(http[^\"]*login-actions/action-token[^\"]*)\"");

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectMailServer
    MailServer mail;

    @TestSetup
    public void legacyCompanies() throws Exception {
        // As the module README tells ops: legacy accounts may lack names, so "Verify profile" is off; events on.
        RequiredActionProviderRepresentation verifyProfile = realm.admin().flows().getRequiredAction("VERIFY_PROFILE");
        verifyProfile.setEnabled(false);
        realm.admin().flows().updateRequiredAction("VERIFY_PROFILE", verifyProfile);
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
        realm.admin().users().userProfile().update(profile);
        for (String[] action : new String[][] {{ACTION, "Move legacy accounts to sign-in by email"},
                {ACTIVATION, "Activate account with an emailed code"}}) {
            RequiredActionProviderSimpleRepresentation rep = new RequiredActionProviderSimpleRepresentation();
            rep.setProviderId(action[0]);
            rep.setName(action[1]);
            realm.admin().flows().registerRequiredAction(rep);
        }
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setEventsEnabled(true);
        realm.admin().update(rep);
        realmAdmin(MAIL_MANAGER, "manage-users");

        for (LegacyDatabase db : LegacyDatabase.values()) {
            db.recreate();
            company(db, "Haupt", OPTIONAL_WAVE, "Vertrieb", "Lager");
            db.insert(db.username("Ohne"), OLD_HASH, null, null, null, null, null, Integer.valueOf(DISABLED_WAVE));
            company(db, "Spaeter", OPTIONAL_WAVE);
            company(db, "Pflicht", MANDATORY_WAVE);
            company(db, "Pruef", OPTIONAL_WAVE, "PruefA", "PruefB");
            company(db, "Doppel", OPTIONAL_WAVE, "DoppelS");
            company(db, "Fehler", OPTIONAL_WAVE, "FehlerS");
            company(db, "Alt", OPTIONAL_WAVE, "AltS");
            company(db, "Post", OPTIONAL_WAVE, "PostS");
            try (Response response = realm.admin().components().add(component(db))) {
                assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
            }
        }
    }

    private static void company(LegacyDatabase db, String main, String wave, String... subs) throws Exception {
        db.insert(db.username(main), OLD_HASH, null, main, "Legacy", null, "orders,reports", Integer.valueOf(wave));
        for (String sub : subs) {
            db.insert(db.username(sub), OLD_HASH, sub.toLowerCase(Locale.ROOT) + ".alt@" + db.prefix + ".example.com",
                    sub, "Legacy", db.username(main), "orders", Integer.valueOf(wave));
        }
    }

    private ComponentRepresentation component(LegacyDatabase db) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("legacy-" + db.prefix);
        component.setProviderId("unify-legacy");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(realm.getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("jdbcUrl", db.jdbcUrl());
        config.putSingle("jdbcUser", db.user());
        config.putSingle("jdbcPassword", db.password());
        config.putSingle("findByUsernameSql", LegacyDatabase.FIND_BY_USERNAME);
        config.putSingle("findByEmailSql", LegacyDatabase.FIND_BY_EMAIL);
        config.putSingle("listAllSql", LegacyDatabase.LIST_ALL);
        config.putSingle("subAccountsSql", LegacyDatabase.SUB_ACCOUNTS);
        config.put("moveWaves", List.of(OPTIONAL_WAVE + "=2099-12-31", MANDATORY_WAVE + "=2020-01-01"));
        component.setConfig(config);
        return component;
    }

    /** Sets the component's "Move: sub-account credentials" as an admin does in the console. */
    private void credentials(LegacyDatabase db, String mode) {
        ComponentRepresentation component = realm.admin().components().query(realm.getId(),
                "org.keycloak.storage.UserStorageProvider", "legacy-" + db.prefix).get(0);
        component.getConfig().putSingle("moveCredentials", mode);
        realm.admin().components().component(component.getId()).update(component);
    }

    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    private void signIn(String username, String password) {
        oauth.openLoginForm();
        loginPage.fillLogin(username, password);
        Browser.submitAndWait(driver, loginPage::submit);
    }

    private void signIn(String username, String password, String language) {
        oauth.loginForm().uiLocales(language).open();
        loginPage.fillLogin(username, password);
        Browser.submitAndWait(driver, loginPage::submit);
    }

    private UserRepresentation user(String username) {
        List<UserRepresentation> found = realm.admin().users().search(username.toLowerCase(Locale.ROOT), true);
        assertThat(found).as("user %s", username).hasSize(1);
        return realm.admin().users().get(found.get(0).getId()).toRepresentation();
    }

    private UserRepresentation legacyUser(String legacyUsername) {
        List<UserRepresentation> found = withLegacyUsername(legacyUsername);
        assertThat(found).as("user with legacy_username %s", legacyUsername).hasSize(1);
        return found.get(0);
    }

    private boolean imported(String legacyUsername) {
        return !withLegacyUsername(legacyUsername).isEmpty();
    }

    /** The search may match by substring: keep the users whose attribute is exactly the name. */
    private List<UserRepresentation> withLegacyUsername(String legacyUsername) {
        return realm.admin().users().searchByAttributes("legacy_username:" + legacyUsername).stream()
                .map(u -> realm.admin().users().get(u.getId()).toRepresentation())
                .filter(u -> u.getAttributes() != null
                        && List.of(legacyUsername).equals(u.getAttributes().get("legacy_username")))
                .toList();
    }

    private static String message(String language, String key, Object... arguments) {
        return new MessageFormat(LegacyMessages.get(language, key), Locale.forLanguageTag(language)).format(arguments);
    }

    /** Mails for {@code address}: sent to it, or (mail forwarding) to the main account's address naming it. */
    private List<MimeMessage> mailsFor(String address, String mainAddress) {
        List<MimeMessage> mails = new ArrayList<>(Mails.to(mail, address));
        if (mainAddress != null) {
            Mails.to(mail, mainAddress).stream().filter(m -> Mails.html(m).contains(address)).forEach(mails::add);
        }
        return mails;
    }

    private static String actionLink(MimeMessage message) {
        Matcher matcher = ACTION_LINK.matcher(Mails.html(message));
        assertThat(matcher.find()).as("activation link in the mail").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private void assertMoved(String legacyUsername, String email) {
        UserRepresentation user = legacyUser(legacyUsername);
        assertThat(user.getUsername()).isEqualTo(email);
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getFederationLink()).as("local now").isNull();
        assertThat(user.getAttributes()).containsEntry("legacy_username", List.of(legacyUsername));
    }

    private void assertNotMoved(String legacyUsername) {
        UserRepresentation user = legacyUser(legacyUsername);
        assertThat(user.getUsername()).isEqualTo(legacyUsername.toLowerCase(Locale.ROOT));
        assertThat(user.getFederationLink()).as("still linked").isNotNull();
    }

    // ------------------------------------------------------------------------------------------------------------

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void aMainAccountMovesItsCompanyAndSignsIn(LegacyDatabase db) throws Exception {
        credentials(db, "activation-message");
        String main = db.username("Haupt");
        String sales = db.username("Vertrieb");
        String store = db.username("Lager");
        String domain = db.prefix + ".example.com";
        MoveForm form = new MoveForm(driver);

        // A sub-account that signs in first is told which main account makes the move, and continues.
        signIn(store, OLD_PASSWORD);
        assertThat(form.isInfoShown()).isTrue();
        assertThat(form.pageText()).contains(message("en", "unify-legacy-move-info-sub", main));
        form.continueAsSubAccount();
        assertThat(oauth.parseLoginResponse().isSuccess()).as("the sub-account continues").isTrue();
        assertNotMoved(store);
        assertThat(imported(sales)).isFalse();

        // The main account sees itself and both sub-accounts (one imported, one not yet), itself first.
        signedOut();
        signIn(main, OLD_PASSWORD);
        assertThat(form.isShown()).isTrue();
        assertThat(form.legacyUsernames()).containsExactly(main, store, sales);
        assertThat(form.hasLater()).isTrue();
        assertThat(form.pageText()).contains(message("en", "unify-legacy-move-main-badge"));
        assertThat(form.email(store).getAttribute("value")).as("prefilled").isEqualTo("lager.alt@" + domain);

        String mainEmail = "info@" + domain;
        String salesEmail = "info+vertrieb@" + domain;
        String storeEmail = "Lager@" + domain.toUpperCase(Locale.ROOT);
        form.fill(Map.of(main, mainEmail, sales, salesEmail, store, storeEmail), Set.of(sales));
        form.submit();

        // The main account's sign-in goes on to the application, as the moved user.
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in after the move: %s", response.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        AccessToken token = oauth.parseToken(tokens.getAccessToken(), AccessToken.class);
        assertThat(token.getPreferredUsername()).isEqualTo(mainEmail);

        assertMoved(main, mainEmail);
        assertMoved(sales, salesEmail);
        assertMoved(store, storeEmail.toLowerCase(Locale.ROOT));
        assertThat(legacyUser(main).isEmailVerified()).isFalse();
        assertThat(legacyUser(sales).getAttributes()).containsEntry("unify_mail_forward", List.of("true"))
                .containsEntry("legacy_main_account", List.of(main));
        assertThat(legacyUser(store).getAttributes()).doesNotContainKey("unify_mail_forward");
        assertThat(legacyUser(main).getAttributes()).doesNotContainKey("unify_mail_forward");

        // The sub-accounts got their activation message; the main account keeps its password.
        assertThat(mailsFor(salesEmail, mainEmail)).hasSize(1);
        assertThat(actionLink(mailsFor(salesEmail, mainEmail).get(0))).contains("/realms/" + realm.getName() + "/");
        assertThat(mailsFor(storeEmail.toLowerCase(Locale.ROOT), null)).hasSize(1);
        assertThat(Mails.to(mail, mainEmail).stream().filter(m -> !Mails.html(m).contains(salesEmail))).isEmpty();

        // The event tells what happened, without addresses or secrets.
        EventRepresentation moved = realm.admin().getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null,
                        legacyUser(main).getId(), null, null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && "moved".equals(e.getDetails().get("legacy_move")))
                .findFirst().orElseThrow();
        assertThat(moved.getDetails()).containsEntry("legacy_move_accounts", "3")
                .containsEntry("legacy_wave", OPTIONAL_WAVE).containsEntry("legacy_move_credentials", "activation-message");
        assertThat(moved.getDetails().values()).noneMatch(v -> v.contains("@") || v.contains(OLD_PASSWORD));

        // The old password signs in with the email; the old username no longer does.
        signedOut();
        signIn(mainEmail, OLD_PASSWORD);
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        signedOut();
        signIn(main, OLD_PASSWORD);
        loginPage.assertCurrent();
    }

    @Order(2)
    @Test
    void onlyEnabledWavesSeeTheMoveAndLaterEndsAtTheDeadline() {
        LegacyDatabase db = LegacyDatabase.MARIADB;
        MoveForm form = new MoveForm(driver);

        // A wave that is not enabled signs in as before.
        signIn(db.username("Ohne"), OLD_PASSWORD);
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        assertNotMoved(db.username("Ohne"));

        // Before the deadline: "later" continues, and the next sign-in asks again.
        String later = db.username("Spaeter");
        for (int signIn = 0; signIn < 2; signIn++) {
            signedOut();
            signIn(later, OLD_PASSWORD, "de");
            assertThat(form.isShown()).as("asked at sign-in %d", signIn + 1).isTrue();
            assertThat(form.pageText()).contains(message("de", "unify-legacy-move-optional-until", "31. Dezember 2099"));
            form.later();
            assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
            assertNotMoved(later);
        }

        // After the deadline: no "later", and a forged one is refused.
        signedOut();
        String mandatory = db.username("Pflicht");
        signIn(mandatory, OLD_PASSWORD, "fi");
        assertThat(form.isShown()).isTrue();
        assertThat(form.hasLater()).isFalse();
        assertThat(form.pageText()).contains(message("fi", "unify-legacy-move-mandatory"));
        form.forgeLater();
        assertThat(form.isShown()).isTrue();
        assertThat(form.pageText()).contains(message("fi", "unify-legacy-move-error-mandatory"));
        assertNotMoved(mandatory);
        // Moving is the way on.
        form.fill(Map.of(mandatory, "pflicht@" + db.prefix + ".example.com"), Set.of());
        form.submit();
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        assertMoved(mandatory, "pflicht@" + db.prefix + ".example.com");
    }

    @Order(3)
    @Test
    void badInputIsExplainedAndChangesNothing() {
        LegacyDatabase db = LegacyDatabase.POSTGRES;
        String main = db.username("Pruef");
        String a = db.username("PruefA");
        String b = db.username("PruefB");
        String domain = db.prefix + ".example.com";
        MoveForm form = new MoveForm(driver);
        signIn(main, OLD_PASSWORD, "de");
        assertThat(form.legacyUsernames()).containsExactly(main, a, b);

        // While typing: the page itself says what is wrong and does not send the form.
        form.fill(Map.of(main, "pruef(at)" + domain, a, "a@" + domain, b, "A@" + domain), Set.of());
        form.submitBlockedByThePage();
        assertThat(form.error(main)).isEqualTo(message("de", "unify-legacy-move-error-invalid"));
        assertThat(form.error(b)).isEqualTo(message("de", "unify-legacy-move-error-duplicate"));
        assertThat(form.error(a)).isEmpty();
        assertThat(form.email(main).getAttribute("aria-invalid")).isEqualTo("true");

        // The server checks again, whatever the page let through.
        form.submitPastTheScript();
        assertThat(form.error(main)).isEqualTo(message("de", "unify-legacy-move-error-invalid"));
        assertThat(form.error(b)).isEqualTo(message("de", "unify-legacy-move-error-duplicate"));
        assertThat(form.pageText()).contains(message("de", "unify-legacy-move-error-summary"));
        assertThat(form.email(main).getAttribute("value")).as("what was typed stays").isEqualTo("pruef(at)" + domain);

        // An address of another user of the realm, and a main account on a variant of a sub-account's address.
        form.fill(Map.of(main, "a+chef@" + domain, a, "a@" + domain, b, UnifyRealmConfig.EMAIL.toUpperCase(Locale.ROOT)),
                Set.of());
        form.submitPastTheScript();
        assertThat(form.error(b)).isEqualTo(message("de", "unify-legacy-move-error-taken"));
        assertThat(form.error(main)).isEqualTo(message("de", "unify-legacy-move-error-main-plus"));
        assertThat(form.error(a)).isEmpty();

        assertNotMoved(main);
        assertThat(imported(a)).as("nothing imported by a refused move").isFalse();
        assertThat(imported(b)).isFalse();
        assertThat(Mails.to(mail, "a@" + domain)).isEmpty();
    }

    @Order(4)
    @Test
    void aDoubleSubmittedFormMovesOnce() throws Exception {
        LegacyDatabase db = LegacyDatabase.MARIADB;
        String main = db.username("Doppel");
        String sub = db.username("DoppelS");
        String mainEmail = "doppel@" + db.prefix + ".example.com";
        String subEmail = "doppel.s@" + db.prefix + ".example.com";
        MoveForm form = new MoveForm(driver);
        signIn(main, OLD_PASSWORD);
        form.fill(Map.of(main, mainEmail, sub, subEmail), Set.of());

        // The same form sent twice at once, as a double click on a slow line does.
        String body = form.fields().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        String cookies = driver.cookies().getAll().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
        assertThat(first.get().statusCode()).as("first").isLessThan(500);
        assertThat(second.get().statusCode()).as("second").isLessThan(500);

        assertMoved(main, mainEmail);
        assertMoved(sub, subEmail);
        assertThat(realm.admin().users().searchByEmail(subEmail, true)).hasSize(1);
        assertThat(Mails.to(mail, subEmail)).as("one activation message").hasSize(1);
        List<EventRepresentation> moves = realm.admin().getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null,
                        legacyUser(main).getId(), null, null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && "moved".equals(e.getDetails().get("legacy_move"))).toList();
        assertThat(moves).hasSize(1);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    @Order(5)
    @Test
    void aFailureOnOneAccountChangesNoneAndGeneratedPasswordsAreEmailed() throws Exception {
        LegacyDatabase db = LegacyDatabase.POSTGRES;
        credentials(db, "generated-password");
        String main = db.username("Fehler");
        String sub = db.username("FehlerS");
        String mainEmail = "fehler@" + db.prefix + ".example.com";
        String subEmail = "fehler+s@" + db.prefix + ".example.com";
        MoveForm form = new MoveForm(driver);

        // A password policy no generated password can meet makes the sub-account fail after the main account.
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setPasswordPolicy("regexPattern(^never-matches$)");
        realm.admin().update(rep);
        try {
            signIn(main, OLD_PASSWORD, "sl");
            form.fill(Map.of(main, mainEmail, sub, subEmail), Set.of(sub));
            form.submit();
            assertThat(form.isShown()).isTrue();
            assertThat(form.pageText()).contains(message("sl", "unify-legacy-move-error-failed"));
        } finally {
            rep.setPasswordPolicy("");
            realm.admin().update(rep);
        }
        assertNotMoved(main);
        assertThat(imported(sub)).as("the import of the failed move is undone too").isFalse();
        assertThat(realm.admin().users().searchByEmail(mainEmail, true)).isEmpty();
        assertThat(Mails.to(mail, subEmail)).isEmpty();

        // Sent again, it works: the sub-account gets a generated password it must change.
        form.submit();
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        assertMoved(main, mainEmail);
        assertMoved(sub, subEmail);
        assertThat(legacyUser(sub).getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(legacyUser(sub).getAttributes()).as("the language the main account used")
                .containsEntry("locale", List.of("sl"));
        List<MimeMessage> mails = mailsFor(subEmail, mainEmail);
        assertThat(mails).hasSize(1);
        String text = Mails.text(mails.get(0));
        assertThat(text).contains(message("sl", "unify-legacy-password-change")).contains(subEmail);
        String password = SuiteSecrets.register(text.lines().map(String::trim)
                .filter(l -> l.length() == 16 && !l.contains(" ")).findFirst().orElseThrow());
        assertThat(Mails.html(mails.get(0))).contains("id=\"unify-legacy-password-value\"");

        signedOut();
        signIn(subEmail, password);
        assertThat(driver.page().getPageSource()).as("must choose a new password").contains("password-new");
    }

    @Order(6)
    @Test
    void aCarriedOverLegacyPasswordSignsInAndIsRehashed() throws Exception {
        LegacyDatabase db = LegacyDatabase.MARIADB;
        credentials(db, "legacy-password");
        String main = db.username("Alt");
        String sub = db.username("AltS");
        String subEmail = "alt.s@" + db.prefix + ".example.com";
        MoveForm form = new MoveForm(driver);
        signIn(main, OLD_PASSWORD);
        form.fill(Map.of(main, "alt@" + db.prefix + ".example.com", sub, subEmail), Set.of());
        form.submit();
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        assertMoved(sub, subEmail);
        List<MimeMessage> told = Mails.to(mail, subEmail);
        assertThat(told).as("told the new sign-in name; the password stays").hasSize(1);
        assertThat(Mails.text(told.get(0))).contains(message("en", "unify-legacy-sign-in-name-password"))
                .contains(subEmail).contains(sub);
        assertThat(Mails.html(told.get(0))).doesNotContain("unify-legacy-password-value");
        String subId = legacyUser(sub).getId();
        assertThat(algorithm(subId)).isEqualTo("unify-legacy-bcrypt");

        signedOut();
        signIn(subEmail, OLD_PASSWORD);
        assertThat(oauth.parseLoginResponse().isSuccess()).as("the legacy password signs in").isTrue();
        assertThat(algorithm(subId)).as("re-hashed to the realm's algorithm").isEqualTo("argon2");
    }

    @Order(7)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void mailsTheMoveCouldNotSendAreListedAndResent(LegacyDatabase db) throws Exception {
        credentials(db, "activation-message");
        String main = db.username("Post");
        String sub = db.username("PostS");
        String subEmail = "post.s@" + db.prefix + ".example.com";
        ProgressApi api = new ProgressApi(realm);
        String token = api.tokenOf(MAIL_MANAGER, MAIL_MANAGER_PASSWORD);
        MoveForm form = new MoveForm(driver);

        // The mail server does not answer during the move: the move stands, the failed mail is recorded.
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = new java.util.HashMap<>(rep.getSmtpServer());
        Map<String, String> down = new java.util.HashMap<>(smtp);
        down.put("port", "1");
        rep.setSmtpServer(down);
        realm.admin().update(rep);
        try {
            signIn(main, OLD_PASSWORD);
            form.fill(Map.of(main, "post@" + db.prefix + ".example.com", sub, subEmail), Set.of());
            form.submit();
            assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        } finally {
            rep.setSmtpServer(smtp);
            realm.admin().update(rep);
        }
        assertMoved(sub, subEmail);
        assertThat(Mails.to(mail, subEmail)).isEmpty();
        String subId = legacyUser(sub).getId();

        ProgressApi.Reply listed = api.get("failed-mails", token);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("failedMails")).anySatisfy(entry -> {
            assertThat(entry.get("id").asText()).isEqualTo(subId);
            assertThat(entry.get("username").asText()).isEqualTo(subEmail);
            assertThat(entry.get("mail").asText()).isEqualTo("activation-message");
        });
        assertThat(api.progress(token).json().get("failedMails").toString()).contains(subId);
        assertThat(api.post("failed-mails/resend", null, null).status()).isEqualTo(401);
        assertThat(api.post("failed-mails/resend", api.tokenOf(UnifyRealmConfig.USERNAME, UnifyRealmConfig.PASSWORD),
                null).status()).isEqualTo(403);

        // Resent with the mail server back: the activation message arrives, the list is empty.
        ProgressApi.Reply resent = api.post("failed-mails/resend", token, null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("resent").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(resent.json().get("failed").asInt()).isZero();
        assertThat(resent.json().get("failedMails")).isEmpty();
        assertThat(Mails.to(mail, subEmail)).hasSize(1);
        assertThat(actionLink(Mails.to(mail, subEmail).get(0))).contains("/realms/" + realm.getName() + "/");
        assertThat(legacyUser(sub).getAttributes()).doesNotContainKey("unify_legacy_mail_failed");
    }

    private void realmAdmin(String email, String role) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("Realm");
        user.setLastName("Admin");
        user.setEmailVerified(true);
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(MAIL_MANAGER_PASSWORD);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String id;
        try (Response response = realm.admin().users().create(user)) {
            id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
        }
        String managementId = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        var granted = realm.admin().clients().get(managementId).roles().get(role).toRepresentation();
        realm.admin().users().get(id).roles().clientLevel(managementId).add(List.of(granted));
    }

    private String algorithm(String userId) throws Exception {
        CredentialRepresentation password = realm.admin().users().get(userId).credentials().stream()
                .filter(c -> "password".equals(c.getType())).findFirst().orElseThrow();
        return JSON.readTree(password.getCredentialData()).get("algorithm").asText();
    }
}
