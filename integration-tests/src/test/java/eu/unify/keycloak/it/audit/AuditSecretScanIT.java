package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.runonserver.InjectRunOnServer;
import org.keycloak.testframework.remote.runonserver.RunOnServerClient;

import eu.unify.keycloak.it.SuiteOrder;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The suite's last test (issue 6): no code or password the suite used is in any stored audit record, of any realm,
 * deleted realms included (their trails are kept), nor in the server log. The suite's server records every realm and
 * logs every record as a JSON line too ({@link UnifyServerConfig}); the shared helpers register the secrets they handle
 * ({@link SuiteSecrets}).
 *
 * <p>The scan proves it can see: a marker that this test makes the server store and log (an unknown username typed at
 * sign-in, which the trail keeps) must be found in the records and in the log. Runs alone too: it adds a user, a
 * sign-in and a failed one of its own.
 */
@SuiteOrder.Last
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class AuditSecretScanIT {

    private static final Logger LOG = Logger.getLogger(AuditSecretScanIT.class);
    private static final int PAGE = 1000;
    private static final String PASSWORD = "Scan-kesä-salasana-5";

    @InjectRealm(config = AuditRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectRunOnServer(permittedPackages = "eu.unify.keycloak.it")
    RunOnServerClient runOnServer;

    @Test
    void noSecretOfTheSuiteIsInAnyStoredRecordOrInTheServerLog() {
        AuditApi api = new AuditApi(realm);
        String email = "audit.scan@example.com";
        TestUsers.create(realm, email, PASSWORD, null);
        String wrong = SuiteSecrets.register("Scan-wrong-Passw0rd-" + UUID.randomUUID());
        assertThat(api.passwordGrant(email, wrong).body()).contains("invalid_grant");
        api.tokenOf(email, PASSWORD);
        String marker = "scan-marker-" + UUID.randomUUID();
        assertThat(api.passwordGrant(marker, wrong).body()).contains("invalid_grant");
        assertThat(api.records(admin.tokenManager().getAccessTokenString(), Map.of("user", marker)))
                .as("the marker is stored").hasSize(1);

        Set<String> secrets = SuiteSecrets.all();
        assertThat(secrets).as("the helpers registered what passed through them").contains(PASSWORD, wrong);
        SecretScanner scanner = new SecretScanner(secrets);
        SecretScanner markerScanner = new SecretScanner(Set.of(marker));

        List<SecretScanner.Finding> leaks = new ArrayList<>();
        List<SecretScanner.Finding> markers = new ArrayList<>();
        long records = 0;
        for (int first = 0; ; first += PAGE) {
            String page = runOnServer.fetchString(AuditRows.allRecords(first, PAGE));
            long rows = page.lines().count();
            String source = "audit records " + first + " to " + (first + rows);
            leaks.addAll(scanner.scan(source, page));
            markers.addAll(markerScanner.scan(source, page));
            records += rows;
            if (rows < PAGE) {
                break;
            }
        }
        assertThat(records).as("records scanned").isPositive();

        List<Path> logs = serverLogs();
        assertThat(logs).as("the server log at %s", UnifyServerConfig.serverLog()).contains(UnifyServerConfig.serverLog());
        long logLines = 0;
        for (Path log : logs) {
            String text = read(log);
            if (log.equals(UnifyServerConfig.serverLog())) {
                // The current file (a restart in the suite rotates the earlier server's log into log.1).
                assertThat(text).as("%s is this server's log, with the trail's JSON lines", log)
                        .contains("\"realmId\":\"" + realm.getId() + "\"");
            }
            leaks.addAll(scanner.scan(log.getFileName().toString(), text));
            markers.addAll(markerScanner.scan(log.getFileName().toString(), text));
            logLines += text.lines().count();
        }

        assertThat(markers).as("the planted marker is found in the records and in the log")
                .anySatisfy(found -> assertThat(found.source()).startsWith("audit records"))
                .anySatisfy(found -> assertThat(found.source()).startsWith("keycloak-server-"));
        LOG.infof("Secret scan: %d secrets (%d forms) in %d audit records (stored: %s records, realms, deleted"
                        + " realms) and %d log lines", secrets.size(), scanner.size(), records,
                runOnServer.fetchString(AuditRows.storedCounts()), logLines);
        assertThat(leaks).as("secrets of the suite found").isEmpty();
    }

    /**
     * The log file and its rotated predecessors, and the logs of the cluster tests' nodes (target/cluster, written by
     * eu.unify.keycloak.it.cluster.KeycloakCluster) when they ran.
     */
    private static List<Path> serverLogs() {
        Path log = UnifyServerConfig.serverLog();
        if (!Files.isDirectory(log.getParent())) {
            return List.of();
        }
        List<Path> logs = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(log.getParent())) {
            files.filter(file -> file.getFileName().toString().startsWith(log.getFileName().toString()))
                    .sorted().forEach(logs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path cluster = log.getParent().resolve("cluster");
        if (Files.isDirectory(cluster)) {
            try (Stream<Path> files = Files.list(cluster)) {
                files.filter(file -> file.getFileName().toString().matches("node-\\d+(-server)?\\.log.*"))
                        .sorted().forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return logs;
    }

    private static String read(Path file) {
        try {
            // Leniently: a log line cut by rotation must not stop the scan.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
