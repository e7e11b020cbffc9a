package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * Retention: a realm keeps its records for the days set over the REST API; the purge deletes older ones from the start
 * of the chain and the rest still verifies. Its own realm, because purging would remove the other tests' records.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditRetentionIT {

    private static final String KEEPER = "audit.keeper@example.com";
    private static final String PASSWORD = SuiteSecrets.register("Audit-keeper-passw0rd");

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void recordsPastTheRetentionArePurgedAndTheRestStillVerifies() {
        AuditApi api = new AuditApi(realm);
        String master = admin.tokenManager().getAccessTokenString();
        RealmAdmins.create(realm, KEEPER, PASSWORD, "view-events", "manage-events");
        assertThat(api.records(master, Map.of("type", "ADMIN_USER_CREATE"))).isNotEmpty();

        AuditApi.Reply defaults = api.get(master, "settings", Map.of());
        assertThat(defaults.json().get("retentionDays").asInt()).isEqualTo(365);
        assertThat(defaults.json().get("retentionSource").asText()).isEqualTo("server");
        assertThat(defaults.json().get("recordsTokenRequests").asBoolean(true))
                .as("successful token requests are left out by default").isFalse();
        AuditApi.Reply set = api.put(master, "settings", "{\"retentionDays\":1}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("retentionDays").asInt()).isEqualTo(1);
        assertThat(set.json().get("retentionSource").asText()).isEqualTo("realm");
        assertThat(api.records(master, Map.of("type", "ADMIN_REALM_UPDATE")))
                .as("the change is audited")
                .anySatisfy(r -> assertThat(r.get("resourcePath").asText()).endsWith("unify-audit/settings"));

        try {
            timeOffSet.set(Duration.ofDays(2));
            // A token issued in the server's shifted time; this login is the one record young enough to stay.
            String keeper = api.tokenOf(KEEPER, PASSWORD);

            AuditApi.Reply purge = api.post(keeper, "purge");
            assertThat(purge.status()).as(purge.body()).isEqualTo(200);
            assertThat(purge.json().get("purged").asInt()).isGreaterThanOrEqualTo(3);

            List<JsonNode> left = api.records(keeper, Map.of());
            assertThat(left).extracting(r -> r.get("type").asText())
                    .contains("LOGIN")
                    .doesNotContain("ADMIN_USER_CREATE", "ADMIN_REALM_UPDATE");
            JsonNode verified = api.verify(keeper);
            assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("checked").asLong()).isEqualTo(left.size());

            AuditApi.Reply again = api.post(keeper, "purge");
            assertThat(again.json().get("purged").asInt()).as("nothing more is old enough").isZero();
        } finally {
            timeOffSet.set(0);
            // Back to the server default, which the realm's trail keeps once the realm is deleted after this class.
            api.put(admin.tokenManager().getAccessTokenString(), "settings", "{\"retentionDays\":null}");
        }
    }
}
