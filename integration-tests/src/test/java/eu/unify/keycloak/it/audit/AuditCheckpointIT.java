package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.runonserver.InjectRunOnServer;
import org.keycloak.testframework.remote.runonserver.RunOnServerClient;

import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The anchor outside the database: a checkpoint signed with the realm's key, made on demand and read back over REST,
 * tells apart the trail it was made of from one whose newest records were deleted or whose whole chain was rewritten,
 * though the chain alone verifies in both. Its own realm, because the test damages the trail.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditCheckpointIT {

    private static final String PASSWORD = SuiteSecrets.register("Audit-checkpoint-passw0rd");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectRunOnServer
    RunOnServerClient runOnServer;

    @Test
    void aCheckpointFindsDeletedNewestRecordsAndARewrittenChain() throws Exception {
        AuditApi api = new AuditApi(realm);
        String auditor = "audit.checkpoints@example.com";
        RealmAdmins.create(realm, auditor, PASSWORD, "view-events", "manage-events");
        TestUsers.create(realm, "audit.cp1@example.com", PASSWORD, null);
        TestUsers.create(realm, "audit.cp2@example.com", PASSWORD, null);
        String token = api.tokenOf(auditor, PASSWORD);
        JsonNode before = api.verify(token);
        assertThat(before.get("valid").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.get("unsealed").asLong()).isZero();
        assertThat(before.get("sealed").get("lastSeq").asLong()).isGreaterThanOrEqualTo(3);

        String signed = checkpoint(api, token);
        assertThat(api.get(token, "checkpoints", Map.of()).json().get("checkpoints").get(0).get("signed").asText())
                .as("readable over REST").isEqualTo(signed);
        assertThat(signedWithAKeyOfTheRealmsJwks(signed)).isTrue();
        JsonNode held = verifyWith(api, token, signed);
        assertThat(held.get("signatureValid").asBoolean()).as(held.toString()).isTrue();
        assertThat(held.get("contained").asBoolean()).as(held.toString()).isTrue();
        assertThat(verifyWith(api, token, forged(signed)).get("signatureValid").asBoolean())
                .as("a checkpoint altered after signing").isFalse();
        assertThat(api.post(token, "verify", "{\"checkpoint\":1}").status()).isEqualTo(400);

        // The newest records deleted and the head moved back: the chain alone still verifies, the checkpoint not.
        api.verify(token); // the checkpoint's own admin event sealed behind it
        runOnServer.run(AuditRows.dropNewest(realm.getName(), 2));
        JsonNode shortened = api.verify(token);
        assertThat(shortened.get("valid").asBoolean()).as(shortened.toString()).isTrue();
        JsonNode missing = verifyWith(api, token, signed);
        assertThat(missing.get("signatureValid").asBoolean()).isTrue();
        assertThat(missing.get("contained").asBoolean()).as(missing.toString()).isFalse();
        assertThat(missing.get("reason").asText()).contains("removed");

        // The whole chain rewritten from its second record on: again valid alone, and not what was checkpointed.
        String later = checkpoint(api, token);
        api.verify(token);
        runOnServer.run(AuditRows.rewriteChain(realm.getName(), 2, "203.0.113.9"));
        JsonNode rewritten = api.verify(token);
        assertThat(rewritten.get("valid").asBoolean()).as(rewritten.toString()).isTrue();
        JsonNode differs = verifyWith(api, token, later);
        assertThat(differs.get("contained").asBoolean()).as(differs.toString()).isFalse();
        assertThat(differs.get("reason").asText()).contains("rewritten");
    }

    @Test
    void onlyEventManagersMakeCheckpointsAndOnlyEventViewersReadThem() {
        AuditApi api = new AuditApi(realm);
        RealmAdmins.create(realm, "audit.cp-viewer@example.com", PASSWORD, "view-events");
        RealmAdmins.create(realm, "audit.cp-users@example.com", PASSWORD, "view-users");
        String viewer = api.tokenOf("audit.cp-viewer@example.com", PASSWORD);
        String users = api.tokenOf("audit.cp-users@example.com", PASSWORD);
        assertThat(api.post(viewer, "checkpoints").status()).isEqualTo(403);
        assertThat(api.get(viewer, "checkpoints", Map.of()).status()).isEqualTo(200);
        assertThat(api.get(viewer, "checkpoints", Map.of("max", "0")).status()).isEqualTo(400);
        assertThat(api.get(users, "checkpoints", Map.of()).status()).isEqualTo(403);
        assertThat(api.post(users, "verify", "{\"checkpoint\":\"x\"}").status()).isEqualTo(403);
    }

    private static String checkpoint(AuditApi api, String token) {
        AuditApi.Reply made = api.post(token, "checkpoints");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        return made.json().get("signed").asText();
    }

    private static JsonNode verifyWith(AuditApi api, String token, String signed) throws Exception {
        AuditApi.Reply reply = api.post(token, "verify",
                JSON.writeValueAsString(Map.of("checkpoint", signed)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("checkpoint");
    }

    /** The same checkpoint with its seq changed and the old signature. */
    private static String forged(String signed) throws Exception {
        String[] parts = signed.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("seq", claims.get("seq").asLong() + 1);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims))
                + "." + parts[2];
    }

    /** Anyone can check a checkpoint: its key id is one of the realm's published signing keys. */
    private boolean signedWithAKeyOfTheRealmsJwks(String signed) throws Exception {
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(signed.split("\\.")[0]));
        assertThat(header.get("typ").asText()).isEqualTo("unify-audit-checkpoint+jws");
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realm.getBaseUrl() + "/protocol/openid-connect/certs")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode key : JSON.readTree(jwks.body()).get("keys")) {
            if (key.get("kid").asText().equals(header.get("kid").asText())) {
                return true;
            }
        }
        return false;
    }
}
