package eu.unify.keycloak.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.unify.keycloak.demo.KeycloakServer;
import eu.unify.keycloak.demo.MailCatcher;

/**
 * The benchmark run behind {@code ./mvnw -Pbench -pl bench -am verify}: starts the mail catcher and a Keycloak with the
 * bundle (production mode {@code start}, H2 file database under target/bench, or PostgreSQL by option), runs every registered {@link Scenario}
 * side by side and prints the result table. Settings: {@link BenchSettings}, README.md.
 */
public final class BenchMain {

    private static final String ADMIN_USERNAME = "bench-admin";
    private static final String ADMIN_PASSWORD = "bench-admin";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final BenchSettings settings;
    private final PrintStream out;

    BenchMain(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        // Plain stdout on purpose: the table is the product of a developer tool, not a log line of a provider.
        PrintStream out = System.out;
        int exitCode;
        try {
            exitCode = new BenchMain(BenchSettings.from(System.getProperties()), out).run();
        } catch (Exception e) {
            out.println("[bench] ERROR: " + e);
            e.printStackTrace(out);
            exitCode = 1;
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    int run() throws Exception {
        List<Scenario> scenarios = selectedScenarios();
        List<BulkMeasurement> bulks = selectedBulkMeasurements();
        if (scenarios.isEmpty() && bulks.isEmpty()) {
            out.println("[bench] ERROR: no scenario selected; registered: " + Stream.concat(
                    ServiceLoader.load(Scenario.class).stream().map(p -> p.get().name()),
                    ServiceLoader.load(BulkMeasurement.class).stream().map(p -> p.get().name()))
                    .collect(Collectors.joining(", ")));
            return 2;
        }
        for (int port : List.of(settings.httpPort(), settings.managementPort(), settings.smtpPort())) {
            if (!isFree(port)) {
                out.println("[bench] ERROR: port " + port + " is in use (see README.md for the"
                        + " -Dunify.bench.*Port options)");
                return 2;
            }
        }
        if (!Files.isRegularFile(settings.bundleJar())) {
            out.println("[bench] ERROR: no bundle jar at " + settings.bundleJar() + "; run with -am so Maven builds it");
            return 2;
        }
        KeycloakServer keycloak = new KeycloakServer(settings.keycloakHome(), settings.home().resolve("keycloak.log"));
        try (MailCatcher catcher = MailCatcher.start(settings.smtpPort(), 0)) {
            keycloak.installProvider(settings.bundleJar());
            URI keycloakUrl = URI.create("http://localhost:" + settings.httpPort());
            out.println("[bench] starting Keycloak (log: " + settings.home().resolve("keycloak.log") + ")");
            Instant started = Instant.now();
            List<String> options = new ArrayList<>(List.of("start",
                    "--http-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + settings.httpPort(),
                    "--http-management-port=" + settings.managementPort(),
                    "--hostname-strict=false",
                    "--cache=local",
                    // Brute-force protection refuses a login of a user while "another" is in progress; under load the
                    // previous step's login of the same worker's user can still count as in progress. The benchmark
                    // never logs one user in twice at once on purpose, so this only removes spurious refusals.
                    "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true",
                    // The legacy user federation uses Keycloak's own JDBC drivers; Keycloak keeps only those of
                    // configured database kinds (see the install guide): one disabled datasource per vendor.
                    "--db-kind-unifylegacymariadb=mariadb",
                    "--db-enabled-unifylegacymariadb=false",
                    "--db-kind-unifylegacypostgres=postgres",
                    "--db-enabled-unifylegacypostgres=false"));
            options.addAll(settings.database().options());
            options.addAll(settings.keycloakOptions());
            if (!settings.keycloakOptions().isEmpty()) {
                out.println("[bench] extra Keycloak options: " + String.join(" ", settings.keycloakOptions()));
            }
            out.println("[bench] Keycloak's database: " + settings.database().kind());
            keycloak.start(options, ADMIN_USERNAME, ADMIN_PASSWORD);
            KeycloakServer.Readiness readiness = keycloak.awaitReady(
                    URI.create(keycloakUrl + "/realms/master/.well-known/openid-configuration"),
                    settings.startTimeout(),
                    waited -> out.println("[bench]   ... still starting (" + waited.toSeconds() + " s)"));
            if (readiness != KeycloakServer.Readiness.READY) {
                out.println("[bench] ERROR: Keycloak did not start (" + readiness + "); end of its log:");
                keycloak.logTail(40).forEach(out::println);
                return 1;
            }
            out.println("[bench] Keycloak is up after " + Duration.between(started, Instant.now()).toSeconds() + " s");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
            BenchContext context = new BenchContext(keycloakUrl, http,
                    new AdminApi(keycloakUrl, http, ADMIN_USERNAME, ADMIN_PASSWORD), new Mailbox(catcher),
                    catcher.smtpPort(), settings.concurrency(), 0);
            CpuSampler cpu = new ProcessTreeCpuSampler(keycloak::processTree,
                    ProcessTreeCpuSampler.clockTicksPerSecond());
            List<ScenarioResult> results = scenarios.isEmpty() ? List.of()
                    : new LoadDriver(settings, cpu, out).run(scenarios, context);
            List<String> bulkReport = new ArrayList<>();
            for (BulkMeasurement bulk : bulks) {
                out.println("[bench] running " + bulk.name());
                List<String> lines = bulk.run(context, cpu);
                lines.forEach(line -> out.println("[bench] " + bulk.name() + ": " + line));
                lines.forEach(line -> bulkReport.add(bulk.name() + ": " + line));
            }

            out.println();
            String now = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC)
                    .format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            out.println("Unify benchmark, " + now + " UTC: " + settings.concurrency() + " workers, "
                    + settings.warmupSteps() + " warm-up steps, batches of " + settings.batchSteps() + " steps (times the"
                    + " scenario's scale), " + settings.rounds() + " rounds, " + Runtime.getRuntime().availableProcessors()
                    + " CPUs; server CPU from /proc (all threads of the Keycloak process)");
            out.println();
            if (!results.isEmpty()) {
                out.print(ResultTable.format(results));
            }
            if (!bulkReport.isEmpty()) {
                out.println();
                bulkReport.forEach(line -> out.println("- " + line));
            }
            return 0;
        } finally {
            keycloak.stop(STOP_GRACE);
        }
    }

    private List<Scenario> selectedScenarios() {
        Set<String> wanted = Set.copyOf(settings.scenarios());
        return ServiceLoader.load(Scenario.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> wanted.isEmpty() || wanted.contains(s.name())).toList();
    }

    private List<BulkMeasurement> selectedBulkMeasurements() {
        Set<String> wanted = Set.copyOf(settings.scenarios());
        return ServiceLoader.load(BulkMeasurement.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> wanted.isEmpty() || wanted.contains(m.name())).toList();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
