package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.InjectTestDatabase;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.database.TestDatabase;
import org.keycloak.testframework.realm.ManagedRealm;

import eu.unify.keycloak.it.ServerRestart;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The trail is in Keycloak's database: a restart of Keycloak keeps every record as it was, and the chain goes on from
 * where it stood (the server's in-memory hint of the chain head is gone, so the first append after the restart reads
 * the head from the database). Restarts the suite's server once (see {@link ServerRestart}); runs where Keycloak's
 * database outlives its process (PostgreSQL in CI), and is skipped on the default in-memory H2, which a restart
 * empties.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditSurvivesRestartIT {

    private static final String AUDITOR = "audit.restart@example.com";
    private static final String PASSWORD = SuiteSecrets.register("Audit-Neustart-4");
    private static final String WRONG_PASSWORD = SuiteSecrets.register("Audit-Neustart-falsch");

    @RegisterExtension
    final ServerRestart restart = new ServerRestart();

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectTestDatabase
    TestDatabase database;

    @Test
    void recordsSurviveARestartAndTheChainGoesOnUnbroken() {
        assumeTrue(ServerRestart.databaseOutlivesServer(database),
                "a restart empties the in-memory H2 database; run with KC_TEST_DATABASE=remote (as CI does)");
        AuditApi api = new AuditApi(realm);
        RealmAdmins.create(realm, AUDITOR, PASSWORD, "view-events");
        assertThat(api.passwordGrant(AUDITOR, WRONG_PASSWORD).status()).as("a failed sign-in").isNotEqualTo(200);
        String token = api.tokenOf(AUDITOR, PASSWORD);
        List<JsonNode> before = bySeq(api.records(token, Map.of()));
        assertThat(before).extracting(r -> r.get("type").asText())
                .contains("ADMIN_USER_CREATE", "LOGIN_ERROR", "LOGIN");
        JsonNode head = before.get(before.size() - 1);

        restart.now();

        String after = api.tokenOf(AUDITOR, PASSWORD);
        List<JsonNode> all = bySeq(api.records(after, Map.of()));
        assertThat(all.subList(0, before.size())).as("every record is kept, unchanged").isEqualTo(before);
        JsonNode login = all.get(before.size());
        assertThat(login.get("type").asText()).as("the first record after the restart").isEqualTo("LOGIN");
        assertThat(login.get("seq").asLong()).isEqualTo(head.get("seq").asLong() + 1);
        assertThat(login.get("prevHash").asText()).as("linked to the head before the restart")
                .isEqualTo(head.get("hash").asText());
        JsonNode verified = api.verify(after);
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(all.size());
    }

    private static List<JsonNode> bySeq(List<JsonNode> records) {
        return records.stream().sorted(Comparator.comparingLong(r -> r.get("seq").asLong())).toList();
    }
}
