package eu.unify.keycloak.it;

import java.nio.file.Path;
import java.util.List;

import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder.LogHandlers;

/**
 * The one server configuration of the suite: Keycloak with the packaged Unify bundle in {@code providers/}, plus the
 * test framework's own server-side helpers (time offset, run-on-server). Every integration test class uses it, so the
 * framework starts a single server for all of them; a class with a different configuration would cost a full
 * server rebuild. The helpers are listed here, not only when a class asks for them, for the same reason. The audit
 * trail is on for every realm, and the log goes to a file too (see {@link #serverLog()}).
 */
public final class UnifyServerConfig implements KeycloakServerConfig {

    /**
     * The server's log, also written to a file: the suite's last test scans it for the secrets the suite used. One file
     * per test JVM (the framework starts one server per run), under the module's target/.
     */
    private static final Path SERVER_LOG =
            Path.of("target", "keycloak-server-" + ProcessHandle.current().pid() + ".log").toAbsolutePath();

    /** Where the server of this test run writes its log (rotated files get a suffix). */
    public static Path serverLog() {
        return SERVER_LOG;
    }

    /**
     * The same server as {@link #configure}, as {@code kc.sh} options, for servers the test framework does not start
     * (the cluster nodes of {@code eu.unify.keycloak.it.cluster.KeycloakCluster}). Keep the two in step.
     */
    public static List<String> distributionOptions() {
        return List.of(
                "--spi-events-listener--unify-audit--all-realms=true",
                "--spi-events-listener--unify-audit--log-json=true",
                "--spi-events-listener--unify-audit--seal-interval-millis=200",
                "--features=declarative-ui",
                "--db-kind-unifylegacymariadb=mariadb",
                "--db-enabled-unifylegacymariadb=false",
                "--db-kind-unifylegacypostgres=postgres",
                "--db-enabled-unifylegacypostgres=false",
                "--spi-email-sender--provider-default=unify-forwarding");
    }

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.log().handlers(LogHandlers.CONSOLE, LogHandlers.FILE);
        return config
                .option("log-file", SERVER_LOG.toString())
                // The audit trail records every realm of the suite, also as JSON log lines: the secret scan at the end
                // of the suite then covers every event the suite caused, in the database and in the log.
                .spiOption("events-listener", "unify-audit", "all-realms", "true")
                .spiOption("events-listener", "unify-audit", "log-json", "true")
                // Records are chained within a fifth of a second: tests wait for it (AuditApi.sealed), briefly.
                .spiOption("events-listener", "unify-audit", "seal-interval-millis", "200")
                // The audit trail's retention tab in the admin console (Keycloak's ui-tab SPI) needs this feature, as
                // it does in production (event-listener-audit/README.md).
                .features(Profile.Feature.DECLARATIVE_UI)
                .dependency("eu.unify", "unify-keycloak")
                .dependency("org.keycloak.testframework", "keycloak-test-framework-remote-providers")
                // The legacy user store (unify-legacy) uses Keycloak's own JDBC drivers. Keycloak keeps only the
                // drivers of configured database kinds, so declare a disabled datasource per legacy vendor.
                .option("db-kind-unifylegacymariadb", "mariadb")
                .option("db-enabled-unifylegacymariadb", "false")
                .option("db-kind-unifylegacypostgres", "postgres")
                .option("db-enabled-unifylegacypostgres", "false")
                // Mail forwarding of the legacy migration: Keycloak's mail goes through unify-forwarding (a build
                // option), which passes every mail through unchanged except those of forwarded sub-accounts.
                .option("spi-email-sender--provider-default", "unify-forwarding");
    }
}
