package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * The migration progress report ({@code GET /admin/realms/{realm}/unify-legacy/progress}) over two legacy stores,
 * one in MariaDB and one in PostgreSQL: per wave the legacy accounts, the imported (linked) and moved (local) users
 * and what is pending; only for realm admins who may view users; 503 with Keycloak's own counts while a legacy
 * database does not answer; the console's connection test checks the "count by wave" query.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MigrationProgressIT {

    static final String PASSWORD = SuiteSecrets.register("Admin-Passwort-3");
    static final String VIEWER = "progress.viewer@example.com";
    static final String OUTSIDER = "progress.outsider@example.com";

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    private ProgressApi api() {
        return new ProgressApi(realm);
    }

    @TestSetup
    public void twoLegacyStoresInWaves() throws Exception {
        LegacyStores.prepareRealm(realm);
        ClientRepresentation testApp = realm.admin().clients().findByClientId("test-app").get(0);
        testApp.setDirectAccessGrantsEnabled(true);
        realm.admin().clients().get(testApp.getId()).update(testApp);
        realmAdmin(VIEWER, "view-users");
        realmAdmin(OUTSIDER, "view-events");

        for (LegacyDatabase db : LegacyDatabase.values()) {
            db.recreate();
            // Wave 1: three accounts; wave 2: two; one account without a wave.
            db.insert(db.username("Eins-A"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 1);
            db.insert(db.username("Eins-B"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 1);
            db.insert(db.username("Eins-C"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 1);
            db.insert(db.username("Zwei-A"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 2);
            db.insert(db.username("Zwei-B"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 2);
            db.insert(db.username("Ohne"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, null);
        }
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
        credential.setValue(PASSWORD);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String id;
        try (Response response = realm.admin().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        String managementId = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        ClientResource management = realm.admin().clients().get(managementId);
        RoleRepresentation granted = management.roles().get(role).toRepresentation();
        realm.admin().users().get(id).roles().clientLevel(managementId).add(List.of(granted));
    }

    /** What the move leaves behind: a local user named by its email, with the legacy username and wave kept. */
    private void moved(String legacyUsername, String wave) {
        UserRepresentation user = new UserRepresentation();
        String email = legacyUsername.toLowerCase() + "@moved.example.com";
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("legacy_username", List.of(legacyUsername));
        attributes.put("legacy_wave", List.of(wave));
        user.setAttributes(attributes);
        try (Response response = realm.admin().users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void theConnectionTestChecksTheCountQuery(LegacyDatabase db) {
        String wrong = LegacyStores.refusal(realm, LegacyStores.component(realm, db, Map.of("countByWaveSql",
                List.of("SELECT welle, COUNT(*) AS anzahl FROM kunden_login GROUP BY welle"))));
        assertThat(wrong).contains("Query 'count by wave' must return exactly the columns wave and total")
                .contains("welle").contains("anzahl");

        String parameter = LegacyStores.refusal(realm, LegacyStores.component(realm, db, Map.of("countByWaveSql",
                List.of("SELECT welle AS wave, COUNT(*) AS total FROM kunden_login WHERE welle = :wave GROUP BY welle"))));
        assertThat(parameter).contains("Query 'count by wave'").contains("this query takes no parameters");

        LegacyStores.add(realm, LegacyStores.component(realm, db, Map.of()));
    }

    @Order(5)
    @Test
    void aStoreSavedWithoutACountQueryNamesTheFailingDefaultQuery() {
        // Saved over the REST API without the option (as before it existed): accepted, the report explains.
        LegacyDatabase db = LegacyDatabase.POSTGRES;
        var component = LegacyStores.component(realm, db, Map.of());
        component.getConfig().remove("countByWaveSql");
        component.setName("legacy-pg-older");
        String id = LegacyStores.add(realm, component);
        try {
            ProgressApi.Reply reply = api().progress(api().tokenOf(VIEWER, PASSWORD));
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            JsonNode older = null;
            for (JsonNode store : reply.json().get("stores")) {
                if (store.get("id").asText().equals(id)) {
                    older = store;
                }
            }
            assertThat(older).isNotNull();
            assertThat(older.get("error").asText()).startsWith("The query 'count by wave' failed: ")
                    .contains("legacy_users");
        } finally {
            realm.admin().components().component(id).remove();
        }
    }

    @Order(2)
    @Test
    void countsPerWaveAcrossBothLegacyStores() {
        for (LegacyDatabase db : LegacyDatabase.values()) {
            // Imported: signed in once, still linked.
            assertThat(oauth.doPasswordGrantRequest(db.username("Eins-A"), LegacyStoreIT.OLD_PASSWORD).isSuccess())
                    .isTrue();
            assertThat(oauth.doPasswordGrantRequest(db.username("Zwei-A"), LegacyStoreIT.OLD_PASSWORD).isSuccess())
                    .isTrue();
        }
        moved(LegacyDatabase.MARIADB.username("Eins-B"), "1");
        moved(LegacyDatabase.POSTGRES.username("Eins-B"), "1");
        moved(LegacyDatabase.POSTGRES.username("Eins-C"), "1");

        ProgressApi.Reply reply = api().progress(api().tokenOf(VIEWER, PASSWORD));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("stores")).hasSize(2);
        json.get("stores").forEach(store -> assertThat(store.get("available").asBoolean()).isTrue());
        assertRow(reply.wave("1"), 6, 2, 3, 3);
        assertRow(reply.wave("2"), 4, 2, 0, 4);
        assertRow(reply.wave(null), 2, 0, 0, 2);
        assertRow(json.get("totals"), 12, 4, 3, 9);
        assertThat(json.get("waves")).extracting(row -> row.get("wave").isNull() ? null : row.get("wave").asText())
                .containsExactly("1", "2", null);
    }

    @Order(3)
    @Test
    void onlyRealmAdminsWhoMayViewUsersGetTheReport() {
        assertThat(api().progress(null).status()).isEqualTo(401);
        assertThat(api().progress("not-a-token").status()).isEqualTo(401);
        assertThat(api().progress(api().tokenOf(OUTSIDER, PASSWORD)).status()).isEqualTo(403);
        assertThat(api().progress(api().tokenOf(UnifyRealmConfig.USERNAME, UnifyRealmConfig.PASSWORD)).status())
                .isEqualTo(403);
        assertThat(api().progress(api().tokenOf(VIEWER, PASSWORD)).status()).isEqualTo(200);
    }

    @Order(4)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void aLegacyDatabaseThatDoesNotAnswerGives503WithKeycloaksOwnCounts(LegacyDatabase db) throws Exception {
        String token = api().tokenOf(VIEWER, PASSWORD);
        ProgressApi.Reply reply;
        try (Connection lock = db.lockTable()) {
            reply = api().progress(token);
        }

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        JsonNode json = reply.json();
        assertThat(json.get("error").asText()).isEqualTo("legacy_store_unavailable");
        assertThat(json.get("message").asText()).contains("'" + LegacyStores.name(db) + "'")
                .contains("total and pending are unknown");
        assertThat(json.get("complete").asBoolean()).isFalse();
        json.get("stores").forEach(store -> {
            boolean locked = store.get("name").asText().equals(LegacyStores.name(db));
            assertThat(store.get("available").asBoolean()).isEqualTo(!locked);
            if (locked) {
                assertThat(store.get("error").asText()).isEqualTo("The legacy database did not answer in time.");
            }
        });
        JsonNode first = reply.wave("1");
        assertThat(first.get("total").isNull()).isTrue();
        assertThat(first.get("pending").isNull()).isTrue();
        assertThat(first.get("imported").asLong()).isEqualTo(2);
        assertThat(first.get("moved").asLong()).isEqualTo(3);

        // Answering again, the report is complete again.
        assertThat(api().progress(token).status()).isEqualTo(200);
    }

    private static void assertRow(JsonNode row, long total, long imported, long moved, long pending) {
        assertThat(row.get("total").asLong()).as("total in %s", row).isEqualTo(total);
        assertThat(row.get("imported").asLong()).as("imported in %s", row).isEqualTo(imported);
        assertThat(row.get("moved").asLong()).as("moved in %s", row).isEqualTo(moved);
        assertThat(row.get("pending").asLong()).as("pending in %s", row).isEqualTo(pending);
    }
}
