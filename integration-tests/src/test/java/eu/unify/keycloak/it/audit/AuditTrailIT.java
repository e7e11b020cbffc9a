package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.runonserver.InjectRunOnServer;
import org.keycloak.testframework.remote.runonserver.RunOnServerClient;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * The audit trail of a realm with the {@code unify-audit} listener on: logins, failed logins, logouts and admin changes
 * land once with the right fields and no secret; the hash chain verifies and points at a record altered in the
 * database; the REST API checks its parameters and the caller's {@code view-events} role.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditTrailIT {

    private static final String PASSWORD = SuiteSecrets.register("Audit-kesä-salasana-1");
    private static final String WRONG_PASSWORD = SuiteSecrets.register("Wrong-audit-passw0rd");

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectRunOnServer(permittedPackages = "eu.unify.keycloak.it")
    RunOnServerClient runOnServer;

    @Test
    void loginFailedLoginAndLogoutEachLandOnceWithTheirFields() {
        String email = "audit.login@example.com";
        String userId = TestUsers.create(realm, email, PASSWORD, null);

        oauth.openLoginForm();
        loginPage.fillLogin(email, WRONG_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        loginPage.fillLogin(email, PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        AuthorizationEndpointResponse login = oauth.parseLoginResponse();
        assertThat(login.isSuccess()).as("signed in: %s", login.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(login.getCode());
        assertThat(tokens.isSuccess()).as("token exchange: %s", tokens.getError()).isTrue();
        assertThat(oauth.doLogout(tokens.getRefreshToken()).isSuccess()).isTrue();
        AccessTokenResponse reused = oauth.doAccessTokenRequest(login.getCode());
        assertThat(reused.isSuccess()).as("a code works once").isFalse();

        AuditApi api = new AuditApi(realm);
        List<JsonNode> records = api.records(masterToken(), Map.of("user", email,
                "type", "LOGIN,LOGIN_ERROR,LOGOUT,CODE_TO_TOKEN"));
        // The successful exchange is routine token traffic, left out by default (record-token-requests).
        assertThat(records).extracting(r -> r.get("type").asText())
                .containsExactly("LOGOUT", "LOGIN", "LOGIN_ERROR");

        JsonNode failed = byType(records, "LOGIN_ERROR");
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(failed.get("error").asText()).isEqualTo("invalid_user_credentials");
        assertThat(failed.get("userId").asText()).isEqualTo(userId);
        assertThat(failed.get("username").asText()).isEqualTo(email);
        assertThat(failed.get("clientId").asText()).isEqualTo("test-app");

        JsonNode success = byType(records, "LOGIN");
        assertThat(success.get("kind").asText()).isEqualTo("USER");
        assertThat(success.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(success.get("error").isNull()).isTrue();
        assertThat(success.get("userId").asText()).isEqualTo(userId);
        assertThat(success.get("username").asText()).isEqualTo(email);
        assertThat(success.get("clientId").asText()).isEqualTo("test-app");
        assertThat(success.get("ipAddress").asText()).isNotBlank();
        assertThat(success.get("sessionId").asText()).isNotBlank();
        assertThat(success.get("details").get("auth_method").asText()).isEqualTo("openid-connect");
        assertThat(success.get("details").has("code_id")).as("codes never kept").isFalse();
        assertThat(success.get("hash").asText()).matches("[0-9a-f]{64}");

        JsonNode logout = byType(records, "LOGOUT");
        assertThat(logout.get("sessionId").asText()).isEqualTo(success.get("sessionId").asText());
        assertThat(logout.get("username").asText()).as("looked up from the user id").isEqualTo(email);
        assertThat(api.records(masterToken(), Map.of("type", "CODE_TO_TOKEN"))).as("no exchange in the realm").isEmpty();
        // Its failure is recorded: the reused code (queried by type: the user of a spent code need not be named).
        JsonNode reusedCode = byType(api.records(masterToken(), Map.of("type", "CODE_TO_TOKEN_ERROR")),
                "CODE_TO_TOKEN_ERROR");
        assertThat(reusedCode.get("outcome").asText()).isEqualTo("FAILURE");
        assertThat(reusedCode.get("error").asText()).isNotBlank();
        assertThat(reusedCode.get("clientId").asText()).isEqualTo("test-app");
        assertThat(reusedCode.get("details").has("code_id")).as("codes never kept").isFalse();

        // Chain order is commit order: each record follows the one before it in its realm.
        assertThat(success.get("seq").asLong()).isGreaterThan(failed.get("seq").asLong());
        assertThat(logout.get("seq").asLong()).isGreaterThan(success.get("seq").asLong());

        String everything = exportAll(api, "jsonl");
        assertThat(everything).contains(userId).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD)
                .doesNotContain(login.getCode()).doesNotContain(tokens.getRefreshToken());
    }

    @Test
    void aFormulaTypedAsUsernameIsExportedAsText() {
        // Anyone can write into the trail by failing a sign-in; Excel in fi, de or sl splits CSV on ';'.
        String username = "x;=cmd|' /C calc'!A0;y";
        oauth.openLoginForm();
        loginPage.fillLogin(username, WRONG_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);

        AuditApi api = new AuditApi(realm);
        JsonNode failed = byType(api.records(masterToken(), Map.of("type", "LOGIN_ERROR", "user", username)),
                "LOGIN_ERROR");
        assertThat(failed.get("username").asText()).as("the trail keeps what was typed").isEqualTo(username);

        String csv = api.get(masterToken(), "export", Map.of("format", "csv", "type", "LOGIN_ERROR")).body();
        String row = csv.lines().filter(line -> line.contains(failed.get("id").asText())).findFirst().orElseThrow();
        assertThat(row).contains(",\"x;'=cmd|' /C calc'!A0;y\",").doesNotContain(";=cmd");
        // Every field quoted, and no piece of the row, split on any common separator, starts a formula.
        assertThat(row).startsWith("\"").endsWith("\"");
        for (String piece : row.split("[,;\t]", -1)) {
            assertThat(piece.replaceFirst("^[ \"]+", "")).as(row).doesNotMatch("^[=+\\-@].*");
        }
        String jsonl = api.get(masterToken(), "export", Map.of("format", "jsonl", "type", "LOGIN_ERROR")).body();
        assertThat(jsonl).as("JSON lines carry the value unchanged").contains("\"username\":\"" + username + "\"");
    }

    @Test
    void adminCreatingAndDeletingAUserLandsWithTheResourceButNoRepresentation() {
        String adminSetPassword = "Admin-set-Secret-9";
        UserRepresentation user = new UserRepresentation();
        user.setUsername("audit.admin-made@example.com");
        user.setEmail("audit.admin-made@example.com");
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(adminSetPassword);
        user.setCredentials(List.of(credential));
        String userId;
        try (Response response = realm.admin().users().create(user)) {
            userId = CreatedResponseUtil.getCreatedId(response);
        }
        realm.admin().users().get(userId).remove();

        AuditApi api = new AuditApi(realm);
        List<JsonNode> records = api.records(masterToken(), Map.of("type", "ADMIN_USER_CREATE,ADMIN_USER_DELETE"))
                .stream().filter(r -> ("users/" + userId).equals(r.get("resourcePath").asText())).toList();
        assertThat(records).extracting(r -> r.get("type").asText())
                .containsExactly("ADMIN_USER_DELETE", "ADMIN_USER_CREATE");
        JsonNode created = byType(records, "ADMIN_USER_CREATE");
        assertThat(created.get("kind").asText()).isEqualTo("ADMIN");
        assertThat(created.get("resourceType").asText()).isEqualTo("USER");
        assertThat(created.get("outcome").asText()).isEqualTo("SUCCESS");
        // The acting admin (of the master realm), not the user acted on.
        assertThat(created.get("userId").asText()).isNotBlank().isNotEqualTo(userId);
        assertThat(created.get("username").asText()).isNotBlank().isNotEqualTo(user.getUsername());
        assertThat(created.get("clientId").asText()).isNotBlank();
        assertThat(created.get("ipAddress").asText()).isNotBlank();

        assertThat(exportAll(api, "csv")).contains("users/" + userId).doesNotContain(adminSetPassword);
    }

    @Test
    void theChainVerifiesAndPointsAtARecordAlteredInTheDatabase() {
        String userId = TestUsers.create(realm, "audit.chain@example.com", PASSWORD, null);
        AuditApi api = new AuditApi(realm);
        String token = masterToken();
        JsonNode intact = api.verify(token);
        assertThat(intact.get("valid").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("checked").asLong()).isPositive();

        JsonNode record = api.records(token, Map.of("type", "ADMIN_USER_CREATE")).stream()
                .filter(r -> ("users/" + userId).equals(r.get("resourcePath").asText())).findFirst().orElseThrow();
        String id = record.get("id").asText();
        String ip = record.get("ipAddress").asText();
        assertThat(runOnServer.fetchString(AuditRows.count(id))).isEqualTo("1");
        runOnServer.run(AuditRows.setIp(id, "203.0.113.66"));
        try {
            JsonNode broken = api.verify(token);
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").get("seq").asLong()).isEqualTo(record.get("seq").asLong());
            assertThat(broken.get("brokenAt").get("id").asText()).isEqualTo(id);
            assertThat(broken.get("brokenAt").get("reason").asText()).contains("altered");
        } finally {
            runOnServer.run(AuditRows.setIp(id, ip));
        }
        assertThat(api.verify(token).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aRolledBackActionLeavesNoRecordACommittedOneLeavesOne() {
        AuditApi api = new AuditApi(realm);
        String token = masterToken();
        runOnServer.run(AuditRows.sendLoginEvent(realm.getName(), "probe-rolled-back", true));
        runOnServer.run(AuditRows.sendLoginEvent(realm.getName(), "probe-committed", false));

        assertThat(api.records(token, Map.of("user", "probe-rolled-back"))).isEmpty();
        List<JsonNode> committed = api.records(token, Map.of("user", "probe-committed"));
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0).get("clientId").asText()).isEqualTo("audit-probe");
        assertThat(api.verify(token).get("valid").asBoolean()).isTrue();
    }

    @Test
    void concurrentLoginsAreAllRecordedInOneUnforkedChain() throws Exception {
        String email = "audit.parallel@example.com";
        String userId = TestUsers.create(realm, email, PASSWORD, null);
        AuditApi api = new AuditApi(realm);
        int threads = 6;
        int loginsEach = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < loginsEach; i++) {
                        api.tokenOf(email, PASSWORD);
                    }
                }));
            }
            for (Future<?> login : done) {
                login.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        String token = masterToken();
        List<JsonNode> logins = api.records(token, Map.of("user", userId, "type", "LOGIN"));
        assertThat(logins).as("every login sent is stored").hasSize(threads * loginsEach);
        assertThat(logins).extracting(r -> r.get("seq").asLong()).doesNotHaveDuplicates();
        assertThat(logins).extracting(r -> r.get("prevHash").asText()).doesNotHaveDuplicates();
        JsonNode verified = api.verify(token);
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void onlyCallersWithViewEventsMayReadTheTrail() {
        AuditApi api = new AuditApi(realm);
        RealmAdmins.create(realm, "audit.user-admin@example.com", PASSWORD, "view-users");
        RealmAdmins.create(realm, "audit.auditor@example.com", PASSWORD, "view-events");
        String noViewEvents = api.tokenOf("audit.user-admin@example.com", PASSWORD);
        String auditor = api.tokenOf("audit.auditor@example.com", PASSWORD);

        assertThat(api.get(noViewEvents, "records", Map.of()).status()).isEqualTo(403);
        assertThat(api.get(noViewEvents, "export", Map.of("format", "csv")).status()).isEqualTo(403);
        assertThat(api.get(noViewEvents, "verify", Map.of()).status()).isEqualTo(403);
        assertThat(api.get(noViewEvents, "settings", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("not-a-token", "records", Map.of()).status()).isEqualTo(401);

        AuditApi.Reply records = api.get(auditor, "records", Map.of("max", "2"));
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        assertThat(records.json().get("records")).hasSize(2);
        assertThat(records.json().get("hasMore").asBoolean()).isTrue();
        assertThat(api.get(auditor, "verify", Map.of()).status()).isEqualTo(200);
        AuditApi.Reply csv = api.get(auditor, "export", Map.of("format", "csv", "max", "3"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\"seq\",\"time\",\"kind\",\"type\"");
        // Reading is not managing: retention needs manage-events.
        assertThat(api.put(auditor, "settings", "{\"retentionDays\":1}").status()).isEqualTo(403);
        assertThat(api.post(auditor, "purge").status()).isEqualTo(403);
    }

    @Test
    void pagingAndFiltersSelectTheRightRecords() {
        AuditApi api = new AuditApi(realm);
        String token = masterToken();
        TestUsers.create(realm, "audit.page1@example.com", PASSWORD, null);
        TestUsers.create(realm, "audit.page2@example.com", PASSWORD, null);

        List<JsonNode> firstPage = api.records(token, Map.of("type", "ADMIN_USER_CREATE", "max", "1"));
        List<JsonNode> secondPage = api.records(token, Map.of("type", "ADMIN_USER_CREATE", "max", "1", "first", "1"));
        assertThat(firstPage).hasSize(1);
        assertThat(secondPage).hasSize(1);
        assertThat(firstPage.get(0).get("seq").asLong()).isGreaterThan(secondPage.get(0).get("seq").asLong());

        assertThat(api.records(token, Map.of("from", "2000-01-01", "to", "2000-01-02"))).isEmpty();
        assertThat(api.records(token, Map.of("client", "no-such-client"))).isEmpty();
        assertThat(api.records(token, Map.of("from", "2000-01-01", "type", "ADMIN_USER_CREATE")))
                .allSatisfy(r -> assertThat(r.get("type").asText()).isEqualTo("ADMIN_USER_CREATE"))
                .hasSizeGreaterThanOrEqualTo(2);

        String lines = api.get(token, "export", Map.of("format", "jsonl", "type", "ADMIN_USER_CREATE")).body();
        assertThat(lines.split("\n")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"id\":").contains("\"type\":\"ADMIN_USER_CREATE\""));
    }

    @Test
    void badParametersGet400WithAMessage() {
        AuditApi api = new AuditApi(realm);
        String token = masterToken();
        assertBad(api.get(token, "records", Map.of("from", "yesterday")), "'from' must be a date");
        assertBad(api.get(token, "records", Map.of("to", "2026-02-30")), "'to' must be a date");
        assertBad(api.get(token, "records", Map.of("from", "2026-11-30", "to", "2026-11-01")), "before");
        assertBad(api.get(token, "records", Map.of("max", "100000")), "'max' must be between 1 and 500");
        assertBad(api.get(token, "records", Map.of("first", "-5")), "'first'");
        assertBad(api.get(token, "records", Map.of("type", "login' or 1=1")), "'type'");
        assertBad(api.get(token, "export", Map.of("format", "xml")), "'format' must be csv or jsonl");
        assertBad(api.get(token, "export", Map.of("max", "10001")), "'max' must be between 1 and 10000");
        assertBad(api.put(token, "settings", "{\"retentionDays\":-3}"), "'retentionDays'");
        assertBad(api.put(token, "settings", "{}"), "retentionDays");
    }

    private static void assertBad(AuditApi.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo("invalid_parameter");
        assertThat(body.get("message").asText()).contains(message);
    }

    private static JsonNode byType(List<JsonNode> records, String type) {
        List<JsonNode> matching = records.stream().filter(r -> type.equals(r.get("type").asText())).toList();
        assertThat(matching).as("records of type %s", type).hasSize(1);
        return matching.get(0);
    }

    private String exportAll(AuditApi api, String format) {
        AuditApi.Reply export = api.get(masterToken(), "export", Map.of("format", format));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        return export.body();
    }

    private String masterToken() {
        return admin.tokenManager().getAccessTokenString();
    }
}
