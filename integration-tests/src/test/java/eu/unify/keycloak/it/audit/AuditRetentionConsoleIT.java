package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.ComponentTypeRepresentation;
import org.keycloak.representations.idm.ConfigPropertyRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.runonserver.InjectRunOnServer;
import org.keycloak.testframework.remote.runonserver.RunOnServerClient;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.BrowserType;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Retention in days set in the admin console (Realm settings → Audit trail): the tab is a realm component of
 * Keycloak's ui-tab SPI, saved by the console with {@code POST/PUT /admin/realms/{realm}/components}. These tests save
 * it exactly so, over the admin REST API, and check that the purge and {@code .../unify-audit/settings} follow it, that
 * the settings call writes the same field, that bad values get 400 and change nothing, and that realms with the
 * retention attribute of before still keep theirs. The last test does it in the console itself, in Chromium.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditRetentionConsoleIT {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String TAB = "unify-audit";
    private static final String FIELD = "retentionDays";
    private static final String ATTRIBUTE = "unifyAuditRetentionDays";
    private static final String CONSOLE_ADMIN = "audit.console@example.com";
    private static final String PASSWORD = SuiteSecrets.register("Konsoli-salasana-26");
    private static final Duration CONSOLE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectRunOnServer(permittedPackages = "eu.unify.keycloak.it")
    RunOnServerClient runOnServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    private AuditApi api;

    @BeforeEach
    void noRetentionOfItsOwn() {
        api = new AuditApi(realm);
        tabs(realm.getId()).forEach(tab -> realm.admin().components().component(tab.getId()).remove());
    }

    @Test
    void theTabIsARealmSettingsTabWithItsFieldInFourLanguages() {
        ComponentTypeRepresentation tab = admin.serverInfo().getInfo().getComponentTypes().get(TAB_TYPE).stream()
                .filter(type -> TAB.equals(type.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no console tab " + TAB));
        assertThat(tab.getMetadata()).containsEntry("path", "/:realm/realm-settings/:tab?")
                .containsEntry("params", Map.of("tab", TAB));
        assertThat(tab.getProperties()).singleElement().satisfies(field -> {
            assertThat(field.getName()).isEqualTo(FIELD);
            assertThat(field.getType()).isEqualTo("Integer");
            assertThat(field.getDefaultValue()).as("empty: the server default").isNull();
        });
        ConfigPropertyRepresentation field = tab.getProperties().get(0);

        // The console translates the tab's title (its id), the label and the help with the admin theme's messages.
        Map<String, String> english = consoleMessages("en");
        assertThat(english).containsEntry(TAB, "Audit trail").containsEntry(field.getLabel(), "Retention (days)");
        assertThat(english.get(field.getHelpText())).contains("0 keeps them forever", "365");
        assertThat(consoleMessages("fi")).containsEntry(TAB, "Auditointiloki")
                .containsEntry(field.getLabel(), "Säilytysaika (päivää)");
        assertThat(consoleMessages("de")).containsEntry(field.getLabel(), "Aufbewahrung (Tage)");
        assertThat(consoleMessages("sl")).containsEntry(field.getLabel(), "Hramba (dni)");
    }

    @Test
    void theRetentionSavedInTheConsoleIsTheOneThePurgeKeeps() {
        String tabId = saveTab(realm.getId(), "30");
        AuditApi.Reply settings = api.get(master(), "settings", Map.of());
        assertThat(settings.json().get("retentionDays").asInt()).as(settings.body()).isEqualTo(30);
        assertThat(settings.json().get("retentionSource").asText()).isEqualTo("realm");
        assertThat(settings.json().get("retentionStore").asText()).isEqualTo("console");
        TestUsers.create(realm, "audit.console.purge@example.com", null, null);
        assertThat(api.records(master(), Map.of("type", "ADMIN_USER_CREATE"))).isNotEmpty();

        purgeTwoDaysFromNow();
        assertThat(api.records(master(), Map.of("type", "ADMIN_USER_CREATE"))).as("kept for 30 days").isNotEmpty();

        updateTab(tabId, "1");
        assertThat(api.get(master(), "settings", Map.of()).json().get("retentionDays").asInt()).isEqualTo(1);
        purgeTwoDaysFromNow();
        assertThat(api.records(master(), Map.of("type", "ADMIN_USER_CREATE"))).as("past 1 day").isEmpty();
        JsonNode verified = api.verify(master());
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void theSettingsCallAndTheConsoleShowOneValue() {
        AuditApi.Reply set = api.put(master(), "settings", "{\"retentionDays\":45}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("retentionStore").asText()).isEqualTo("console");
        assertThat(tabs(realm.getId())).as("the console's field").singleElement()
                .satisfies(tab -> assertThat(tab.getConfig().get(FIELD)).containsExactly("45"));

        updateTab(tabs(realm.getId()).get(0).getId(), "60");
        assertThat(api.get(master(), "settings", Map.of()).json().get("retentionDays").asInt()).isEqualTo(60);

        AuditApi.Reply reset = api.put(master(), "settings", "{\"retentionDays\":null}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("retentionDays").asInt()).isEqualTo(365);
        assertThat(reset.json().get("retentionSource").asText()).isEqualTo("server");
        assertThat(tabs(realm.getId())).singleElement()
                .satisfies(tab -> assertThat(tab.getConfig().get(FIELD)).containsExactly(""));

        AuditApi.Reply forever = api.put(master(), "settings", "{\"retentionDays\":0}");
        assertThat(forever.json().get("retentionDays").asInt()).isZero();
        assertThat(tabs(realm.getId())).singleElement()
                .satisfies(tab -> assertThat(tab.getConfig().get(FIELD)).containsExactly("0"));
    }

    @Test
    void badValuesGet400AndChangeNothing() {
        String tabId = saveTab(realm.getId(), "30");
        for (String bad : List.of("-1", "36501", "1.5", "ninety")) {
            ComponentRepresentation tab = realm.admin().components().component(tabId).toRepresentation();
            tab.getConfig().putSingle(FIELD, bad);
            try {
                realm.admin().components().component(tabId).update(tab);
                throw new AssertionError(bad + " was saved");
            } catch (BadRequestException e) {
                assertThat(e.getResponse().readEntity(String.class)).as(bad)
                        .contains("Retention (days) must be empty or a whole number from 0 to 36500");
            }
        }
        try (Response second = realm.admin().components().add(tab(realm.getId(), "10"))) {
            assertThat(second.getStatus()).isEqualTo(400);
            assertThat(second.readEntity(String.class)).contains("already has its audit trail settings");
        }
        ComponentRepresentation elsewhere = tab(realm.getId(), "10");
        elsewhere.setParentId(tabId);
        try (Response misplaced = realm.admin().components().add(elsewhere)) {
            assertThat(misplaced.getStatus()).isEqualTo(400);
            assertThat(misplaced.readEntity(String.class)).contains("belong to the realm itself");
        }
        AuditApi.Reply rest = api.put(master(), "settings", "{\"retentionDays\":-3}");
        assertThat(rest.status()).isEqualTo(400);

        assertThat(tabs(realm.getId())).singleElement()
                .satisfies(tab -> assertThat(tab.getConfig().get(FIELD)).containsExactly("30"));
        assertThat(api.get(master(), "settings", Map.of()).json().get("retentionDays").asInt()).isEqualTo(30);
    }

    /** A realm export of before the tab carries the attribute: importing it moves the value into the tab. */
    @Test
    void aRealmImportedWithTheOldAttributeShowsItsRetentionInTheConsole() {
        String name = "audit-imported-" + UUID.randomUUID().toString().substring(0, 8);
        String realmId = createRealm(name, Map.of(ATTRIBUTE, "9"));
        try {
            AuditApi imported = new AuditApi(urls.getBase() + "/realms/" + name);
            JsonNode settings = imported.get(master(), "settings", Map.of()).json();
            assertThat(settings.get("retentionDays").asInt()).as(settings.toString()).isEqualTo(9);
            assertThat(settings.get("retentionStore").asText()).isEqualTo("console");
            assertThat(admin.realm(name).components().query(realmId, TAB_TYPE)).singleElement()
                    .satisfies(tab -> assertThat(tab.getConfig().get(FIELD)).containsExactly("9"));
            assertThat(admin.realm(name).toRepresentation().getAttributes()).doesNotContainKey(ATTRIBUTE);
            createUser(name, "audit.imported@example.com");
        } finally {
            admin.realm(name).remove();
        }
        // Deleting the realm keeps its trail for the retention it had: read from the tab while the realm goes.
        JsonNode deleted = new AuditApi(urls.getMasterRealm()).get(master(), "deleted-realms", Map.of()).json();
        JsonNode gone = null;
        for (JsonNode candidate : deleted.get("realms")) {
            if (realmId.equals(candidate.get("realmId").asText())) {
                gone = candidate;
            }
        }
        assertThat(gone).as(deleted.toString()).isNotNull();
        assertThat(gone.get("retentionDays").asInt()).isEqualTo(9);
    }

    /** A realm whose attribute is set after its creation (no tab yet) keeps it, until the console saves the tab. */
    @Test
    void withoutTheTabTheRealmAttributeStillCounts() {
        String name = "audit-attribute-" + UUID.randomUUID().toString().substring(0, 8);
        String realmId = createRealm(name, Map.of());
        try {
            RealmRepresentation rep = admin.realm(name).toRepresentation();
            Map<String, String> attributes = new HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
            attributes.put(ATTRIBUTE, "7");
            rep.setAttributes(attributes);
            admin.realm(name).update(rep);

            AuditApi attributed = new AuditApi(urls.getBase() + "/realms/" + name);
            JsonNode settings = attributed.get(master(), "settings", Map.of()).json();
            assertThat(settings.get("retentionDays").asInt()).as(settings.toString()).isEqualTo(7);
            assertThat(settings.get("retentionStore").asText()).isEqualTo("attribute");

            try (Response saved = admin.realm(name).components().add(tab(realmId, "14"))) {
                assertThat(saved.getStatus()).isEqualTo(201);
            }
            settings = attributed.get(master(), "settings", Map.of()).json();
            assertThat(settings.get("retentionDays").asInt()).isEqualTo(14);
            assertThat(settings.get("retentionStore").asText()).isEqualTo("console");
            assertThat(admin.realm(name).toRepresentation().getAttributes()).doesNotContainKey(ATTRIBUTE);
        } finally {
            admin.realm(name).remove();
        }
    }

    /** The real console: a realm admin opens Realm settings → Audit trail, sees the value and changes it. */
    @Test
    void aRealmAdminSetsTheRetentionInTheAdminConsole() {
        assumeTrue(driver.getBrowserType() != BrowserType.HTML_UNIT,
                "the admin console is a React app: run with KC_TEST_BROWSER=chrome-headless");
        String userId = TestUsers.create(realm, CONSOLE_ADMIN, PASSWORD, "en");
        String management = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        realm.admin().users().get(userId).roles().clientLevel(management)
                .add(List.of(realm.admin().clients().get(management).roles().get("realm-admin").toRepresentation()));
        assertThat(api.put(master(), "settings", "{\"retentionDays\":45}").status()).isEqualTo(200);

        String tabUrl = urls.getBase() + "/admin/" + realm.getName() + "/console/#/" + realm.getName()
                + "/realm-settings/" + TAB;
        driver.open(tabUrl);
        loginPage.assertCurrent();
        loginPage.fillLogin(CONSOLE_ADMIN, PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        WebElement field = new WebDriverWait(driver.driver(), CONSOLE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + FIELD + "']")));

        assertThat(field.getAttribute("value")).isEqualTo("45");
        assertThat(driver.driver().findElement(By.cssSelector("label[for='config." + FIELD + "']")).getText())
                .contains("Retention (days)");
        assertThat(driver.driver().findElements(By.xpath("//*[normalize-space(text())='Audit trail']")))
                .as("the tab's title").isNotEmpty();

        // Select and overtype, as a person does: React does not see WebDriver's clear().
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "60");
        driver.driver().findElement(By.xpath("//form[.//*[@data-testid='" + FIELD + "']]//button[@data-testid='save']"))
                .click();
        new WebDriverWait(driver.driver(), CONSOLE).until(d ->
                api.get(master(), "settings", Map.of()).json().get("retentionDays").asInt() == 60);
        assertThat(tabs(realm.getId())).singleElement()
                .satisfies(tab -> assertThat(tab.getConfig().get(FIELD)).containsExactly("60"));
    }

    private String master() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** The component as the console's tab saves it: the field, plus the route's params (realm, tab) it adds. */
    private ComponentRepresentation tab(String realmId, String days) {
        ComponentRepresentation tab = new ComponentRepresentation();
        tab.setProviderId(TAB);
        tab.setProviderType(TAB_TYPE);
        tab.setParentId(realmId);
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle(FIELD, days);
        config.putSingle("realm", realm.getName());
        config.putSingle("tab", TAB);
        tab.setConfig(config);
        return tab;
    }

    private String saveTab(String realmId, String days) {
        try (Response created = realm.admin().components().add(tab(realmId, days))) {
            assertThat(created.getStatus()).as(created.readEntity(String.class)).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private void updateTab(String tabId, String days) {
        ComponentRepresentation tab = realm.admin().components().component(tabId).toRepresentation();
        tab.getConfig().putSingle(FIELD, days);
        realm.admin().components().component(tabId).update(tab);
    }

    private List<ComponentRepresentation> tabs(String realmId) {
        return realm.admin().components().query(realmId, TAB_TYPE).stream()
                .filter(tab -> TAB.equals(tab.getProviderId())).toList();
    }

    /** Runs the scheduled purge as if two days had passed. */
    private void purgeTwoDaysFromNow() {
        try {
            timeOffSet.set(Duration.ofDays(2));
            runOnServer.run(AuditRows.runPurgeTask());
        } finally {
            timeOffSet.set(0);
        }
    }

    private String createRealm(String name, Map<String, String> attributes) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(name);
        rep.setEnabled(true);
        rep.setEventsListeners(List.of("jboss-logging", "unify-audit"));
        rep.setAttributes(attributes);
        admin.realms().create(rep);
        return admin.realm(name).toRepresentation().getId();
    }

    private void createUser(String realmName, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        try (Response response = admin.realm(realmName).users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** The admin console's texts in {@code language}, as it loads them. */
    private Map<String, String> consoleMessages(String language) {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(urls.getBase() + "/resources/" + realm.getName() + "/admin/" + language)).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Map<String, String> messages = new HashMap<>();
            JSON.readTree(response.body()).forEach(entry ->
                    messages.put(entry.get("key").asText(), entry.get("value").asText()));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
