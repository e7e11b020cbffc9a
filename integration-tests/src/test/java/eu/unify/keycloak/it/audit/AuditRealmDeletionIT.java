package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.remote.runonserver.InjectRunOnServer;
import org.keycloak.testframework.remote.runonserver.RunOnServerClient;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Deleting a realm does not delete its audit trail: the trail ends with a record of the deletion (who, from where),
 * stays readable and verifiable by the server's auditors (master realm, {@code view-events}) and is purged only when
 * the retention the realm had has passed.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditRealmDeletionIT {

    private static final String PASSWORD = SuiteSecrets.register("Poistettu-salasana-3");

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectRunOnServer(permittedPackages = "eu.unify.keycloak.it")
    RunOnServerClient runOnServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void aDeletedRealmsTrailEndsWithTheDeletionAndIsKeptForItsRetention() {
        String name = "audit-deleted-" + UUID.randomUUID().toString().substring(0, 8);
        String realmId = createAuditedRealm(name);
        AuditApi master = new AuditApi(urls.getMasterRealm());
        try {
            createUser(name, "audit.gone@example.com");
            new AuditApi(urls.getBase() + "/realms/" + name).tokenOf("audit.gone@example.com", PASSWORD);
        } finally {
            admin.realm(name).remove();
        }

        String token = admin.tokenManager().getAccessTokenString();
        master.sealed(token, "deleted-realms/" + realmId + "/verify");
        AuditApi.Reply listed = master.get(token, "deleted-realms", Map.of());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode deleted = find(listed.json().get("realms"), realmId);
        assertThat(deleted).as("%s among %s", realmId, listed.body()).isNotNull();
        assertThat(deleted.get("realmName").asText()).isEqualTo(name);
        assertThat(deleted.get("retentionDays").asInt()).isEqualTo(7);
        assertThat(deleted.get("records").asLong()).isGreaterThanOrEqualTo(3);

        AuditApi.Reply export = master.get(token, "deleted-realms/" + realmId + "/export", Map.of("format", "jsonl"));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"type\":\"ADMIN_USER_CREATE\""))
                .anySatisfy(line -> assertThat(line).contains("\"type\":\"LOGIN\""));
        String last = lines.get(lines.size() - 1);
        assertThat(last).contains("\"type\":\"ADMIN_REALM_DELETE\"", "\"resourcePath\":\"" + name + "\"",
                "\"kind\":\"ADMIN\"");
        assertThat(last).doesNotContain("\"userId\":null").doesNotContain("\"ipAddress\":null");
        assertThat(export.body()).doesNotContain(PASSWORD);
        JsonNode verified = master.get(token, "deleted-realms/" + realmId + "/verify", Map.of()).json();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(lines.size());

        // Keycloak files its own event of the deletion under the admin's realm (every realm is audited here).
        assertThat(master.records(token, Map.of("type", "ADMIN_REALM_DELETE")))
                .anySatisfy(r -> assertThat(r.get("resourcePath").asText()).isEqualTo(name));

        try {
            timeOffSet.set(Duration.ofDays(8));
            runOnServer.run(AuditRows.runPurgeTask());
        } finally {
            timeOffSet.set(0);
        }
        AuditApi.Reply after = master.get(admin.tokenManager().getAccessTokenString(), "deleted-realms", Map.of());
        assertThat(find(after.json().get("realms"), realmId)).as("gone after its retention: %s", after.body()).isNull();
        assertThat(master.get(admin.tokenManager().getAccessTokenString(), "deleted-realms/" + realmId + "/verify",
                Map.of()).status()).isEqualTo(404);
    }

    @Test
    void onlyTheMasterRealmListsDeletedRealms() {
        String name = "audit-live-" + UUID.randomUUID().toString().substring(0, 8);
        createAuditedRealm(name);
        try {
            AuditApi live = new AuditApi(urls.getBase() + "/realms/" + name);
            String token = admin.tokenManager().getAccessTokenString();
            assertThat(live.get(token, "deleted-realms", Map.of()).status()).isEqualTo(404);
            assertThat(new AuditApi(urls.getMasterRealm()).get("not-a-token", "deleted-realms", Map.of()).status())
                    .isEqualTo(401);
        } finally {
            admin.realm(name).remove();
        }
    }

    private String createAuditedRealm(String name) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(name);
        rep.setEnabled(true);
        rep.setEventsListeners(List.of("jboss-logging", "unify-audit"));
        rep.setAttributes(Map.of("unifyAuditRetentionDays", "7"));
        admin.realms().create(rep);
        return admin.realm(name).toRepresentation().getId();
    }

    private String createUser(String realmName, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("Gone");
        user.setLastName("User");
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(PASSWORD);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = admin.realm(realmName).users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static JsonNode find(JsonNode realms, String realmId) {
        for (JsonNode realm : realms) {
            if (realmId.equals(realm.get("realmId").asText())) {
                return realm;
            }
        }
        return null;
    }
}
