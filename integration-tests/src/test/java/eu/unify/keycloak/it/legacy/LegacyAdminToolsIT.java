package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.realm.ManagedRealm;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The admin's tools of the legacy migration over two legacy stores, one in MariaDB and one in PostgreSQL: the check of
 * one account's hash settings ({@code POST unify-legacy/hash-check}: the scheme, a matching password, a wrong salt
 * position told apart from a wrong password, never the hash or salt, only with manage-users, an admin event without
 * the password), disabled legacy accounts counted on their own in the progress report, and the daily snapshot of the
 * counts with its chart.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LegacyAdminToolsIT {

    static final String PASSWORD = SuiteSecrets.register("Admin-Passwort-4");
    static final String MANAGER = "tools.manager@example.com";
    static final String VIEWER = "tools.viewer@example.com";
    static final String SALT = "Qm8#x!";
    static final String SALTED_PASSWORD = SuiteSecrets.register("Salz-Passwort-2");

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    private ProgressApi api() {
        return new ProgressApi(realm);
    }

    @TestSetup
    public void twoLegacyStores() throws Exception {
        LegacyStores.prepareRealm(realm);
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setAdminEventsEnabled(true);
        rep.setAdminEventsDetailsEnabled(true);
        realm.admin().update(rep);
        realmAdmin(MANAGER, "manage-users");
        realmAdmin(VIEWER, "view-users");
        for (LegacyDatabase db : LegacyDatabase.values()) {
            db.recreate();
            db.insert(db.username("Bcrypt"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 1);
            db.insert(db.username("Salzig"), null, null, null, null, null, null, 1);
            // An application that hashed sha256(salt + password); the store's default reads the salt after it.
            db.setHash(db.username("Salzig"), sha256Hex(SALT + SALTED_PASSWORD), SALT, null);
            db.insert(db.username("Aktiv"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 2);
            db.insert(db.username("Gesperrt"), LegacyStoreIT.OLD_HASH, null, null, null, null, null, 2);
            db.disable(db.username("Gesperrt"));
            LegacyStores.add(realm, LegacyStores.component(realm, db,
                    Map.of("countByWaveSql", List.of(LegacyDatabase.COUNT_BY_WAVE_WITH_DISABLED))));
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

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private ProgressApi.Reply check(LegacyDatabase db, String username, String password) {
        String body = password == null
                ? ProgressApi.json("store", LegacyStores.name(db), "username", username)
                : ProgressApi.json("store", LegacyStores.name(db), "username", username, "password", password);
        return api().post("hash-check", api().tokenOf(MANAGER, PASSWORD), body);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void theSchemeOfAStoredHashIsNamedWithoutTheHash(LegacyDatabase db) {
        ProgressApi.Reply reply = check(db, db.username("Bcrypt"), null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("store").asText()).isEqualTo(LegacyStores.name(db));
        assertThat(json.get("hashPresent").asBoolean()).isTrue();
        assertThat(json.get("appearsToBe")).extracting(JsonNode::asText).containsExactly("bcrypt");
        assertThat(json.get("readAs").asText()).isEqualTo("bcrypt");
        assertThat(json.get("passwordChecked").asBoolean()).isFalse();
        assertThat(json.path("matches").isBoolean()).as("no password, no answer").isFalse();
        assertThat(reply.body()).doesNotContain(LegacyStoreIT.OLD_HASH).doesNotContain("$2y$");
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void aTypedPasswordMatchesOrNot(LegacyDatabase db) {
        ProgressApi.Reply right = check(db, db.username("Bcrypt"), LegacyStoreIT.OLD_PASSWORD);
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(right.json().get("matches").asBoolean()).isTrue();
        assertThat(right.json().get("matchingScheme").asText()).isEqualTo("bcrypt");

        ProgressApi.Reply wrong = check(db, db.username("Bcrypt"), "Falsches-Passwort-9");
        assertThat(wrong.json().get("matches").asBoolean()).isFalse();
        assertThat(wrong.json().path("matchingScheme").isTextual()).isFalse();
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void aWrongSaltPositionIsToldApartFromAWrongPassword(LegacyDatabase db) {
        ProgressApi.Reply reply = check(db, db.username("Salzig"), SALTED_PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("saltColumn").asBoolean()).isTrue();
        assertThat(json.get("readAs").asText()).isEqualTo("sha256:salt-after:hex");
        assertThat(json.get("matches").asBoolean()).as("as sign-in reads it").isFalse();
        assertThat(json.get("matchingScheme").asText()).isEqualTo("sha256:salt-before:hex");
        assertThat(reply.body()).doesNotContain(SALT).doesNotContain(SALTED_PASSWORD);
    }

    @Order(4)
    @Test
    void unknownAccountsStoresAndBadRequestsAreExplained() {
        String token = api().tokenOf(MANAGER, PASSWORD);
        ProgressApi.Reply unknown = api().post("hash-check", token, ProgressApi.json("store",
                LegacyStores.name(LegacyDatabase.MARIADB), "username", "niemand"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("legacy_account_not_found");

        ProgressApi.Reply noStore = api().post("hash-check", token, ProgressApi.json("store", "nope", "username",
                "x"));
        assertThat(noStore.status()).isEqualTo(404);
        assertThat(noStore.json().get("error").asText()).isEqualTo("legacy_store_not_found");

        ProgressApi.Reply ambiguous = api().post("hash-check", token, ProgressApi.json("username", "x"));
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("message").asText()).contains("several");

        ProgressApi.Reply noName = api().post("hash-check", token, ProgressApi.json("store",
                LegacyStores.name(LegacyDatabase.POSTGRES)));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Order(5)
    @Test
    void onlyAdminsWhoMayManageUsersCheckHashes() {
        String body = ProgressApi.json("store", LegacyStores.name(LegacyDatabase.POSTGRES), "username",
                LegacyDatabase.POSTGRES.username("Bcrypt"), "password", LegacyStoreIT.OLD_PASSWORD);
        assertThat(api().post("hash-check", null, body).status()).isEqualTo(401);
        assertThat(api().post("hash-check", api().tokenOf(VIEWER, PASSWORD), body).status()).isEqualTo(403);
        assertThat(api().post("hash-check", api().tokenOf(UnifyRealmConfig.USERNAME, UnifyRealmConfig.PASSWORD),
                body).status()).isEqualTo(403);
    }

    @Order(6)
    @Test
    void everyCheckIsAnAdminEventWithoutThePassword() {
        check(LegacyDatabase.MARIADB, LegacyDatabase.MARIADB.username("Bcrypt"), LegacyStoreIT.OLD_PASSWORD);

        List<AdminEventRepresentation> events = realm.admin().getAdminEvents().stream()
                .filter(e -> e.getResourcePath() != null && e.getResourcePath().endsWith("unify-legacy/hash-check"))
                .toList();
        assertThat(events).isNotEmpty();
        AdminEventRepresentation last = events.get(0);
        assertThat(last.getOperationType()).isEqualTo("ACTION");
        assertThat(last.getRepresentation()).contains("\"matches\":true").contains(LegacyStores.name(
                LegacyDatabase.MARIADB)).doesNotContain(LegacyStoreIT.OLD_PASSWORD)
                .doesNotContain(LegacyDatabase.MARIADB.username("Bcrypt"));
        events.forEach(e -> assertThat(e.getRepresentation()).doesNotContain(LegacyStoreIT.OLD_PASSWORD)
                .doesNotContain(SALTED_PASSWORD).doesNotContain(SALT));
    }

    @Order(7)
    @Test
    void disabledLegacyAccountsAreCountedOnTheirOwnAndNeverPending() {
        ProgressApi.Reply reply = api().progress(api().tokenOf(VIEWER, PASSWORD));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode second = reply.wave("2");
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(second.get("disabled").asLong()).isEqualTo(2);
        assertThat(second.get("pending").asLong()).isEqualTo(2);
        assertThat(reply.wave("1").get("disabled").asLong()).isZero();
        assertThat(reply.json().get("totals").get("disabled").asLong()).isEqualTo(2);
        assertThat(reply.json().get("failedMails")).isEmpty();
    }

    @Order(8)
    @Test
    void aDailySnapshotOfTheCountsIsKeptAndDrawn() {
        String viewer = api().tokenOf(VIEWER, PASSWORD);
        assertThat(api().post("progress/history", viewer, null).status()).isEqualTo(403);

        ProgressApi.Reply taken = api().post("progress/history", api().tokenOf(MANAGER, PASSWORD), null);
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        JsonNode snapshots = taken.json().get("snapshots");
        JsonNode today = snapshots.get(snapshots.size() - 1);
        assertThat(today.get("date").asText()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(today.get("total").asLong()).isEqualTo(8);
        assertThat(today.get("disabled").asLong()).isEqualTo(2);

        ProgressApi.Reply history = api().get("progress/history", viewer);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("snapshots")).hasSize(snapshots.size());
        ProgressApi.Reply chart = api().get("progress/chart", viewer);
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).startsWith("<svg").contains("<polyline").contains(today.get("date").asText());
        assertThat(api().get("progress/chart", null).status()).isEqualTo(401);
    }
}
