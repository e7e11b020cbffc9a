package eu.unify.keycloak.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The run's settings, from {@code -Dunify.bench.*} system properties; the defaults are the ones README.md documents.
 * The ports stay clear of the integration tests' server (8080, 9000, 3025) and the demo's.
 */
public record BenchSettings(
        Path home,
        Path keycloakHome,
        Path bundleJar,
        int httpPort,
        int managementPort,
        int smtpPort,
        int concurrency,
        int warmupSteps,
        int batchSteps,
        int rounds,
        Duration maxWallTime,
        Duration startTimeout,
        List<String> scenarios,
        Database database,
        List<String> keycloakOptions) {

    /**
     * Keycloak's own database: its embedded H2 file database (the default), or PostgreSQL, the kind production runs on.
     * With PostgreSQL the CPU counted is Keycloak's alone: the database server is another process.
     */
    public record Database(String kind, String url, String username, String password) {

        static final List<String> KINDS = List.of("dev-file", "postgres");

        public Database {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(PREFIX + "db must be one of " + KINDS + ", not " + kind);
            }
        }

        /** Keycloak's options for this database. */
        public List<String> options() {
            if ("dev-file".equals(kind)) {
                return List.of("--db=dev-file");
            }
            List<String> options = new ArrayList<>(List.of("--db=" + kind, "--db-url=" + url,
                    "--db-username=" + username));
            if (!password.isEmpty()) {
                options.add("--db-password=" + password);
            }
            return options;
        }
    }

    private static final String PREFIX = "unify.bench.";

    public static BenchSettings from(Properties properties) {
        Path home = path(properties, "home", Path.of("bench", "target", "bench"));
        return new BenchSettings(
                home,
                path(properties, "keycloakHome", home.resolve("keycloak")),
                // bench/pom.xml passes the versioned name of the jar the reactor just built.
                path(properties, "bundleJar", Path.of("bundle", "target", "unify-keycloak.jar")),
                number(properties, "httpPort", 18080, 1, 65535),
                number(properties, "managementPort", 19000, 1, 65535),
                number(properties, "smtpPort", 13025, 1, 65535),
                number(properties, "concurrency", 2, 1, 64),
                number(properties, "warmupSteps", 100, 0, 100_000),
                number(properties, "batchSteps", 30, 1, 100_000),
                number(properties, "rounds", 20, 1, 10_000),
                Duration.ofMinutes(number(properties, "maxMinutes", 20, 1, 24 * 60)),
                Duration.ofSeconds(number(properties, "startTimeoutSeconds", 600, 10, 3600)),
                Arrays.stream(properties.getProperty(PREFIX + "scenarios", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                new Database(properties.getProperty(PREFIX + "db", "dev-file").trim(),
                        properties.getProperty(PREFIX + "dbUrl", "jdbc:postgresql://127.0.0.1:5432/unify_bench"),
                        properties.getProperty(PREFIX + "dbUsername", "postgres"),
                        properties.getProperty(PREFIX + "dbPassword", "")),
                // Extra options of the server, e.g. --spi-events-listener--unify-audit--record-token-requests=true.
                Arrays.stream(properties.getProperty(PREFIX + "keycloakOptions", "").split("\\s+"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** Warm-up and measured steps of a scenario at most. */
    public int plannedSteps(int batchScale) {
        return (warmupSteps + rounds * batchSteps) * batchScale;
    }

    private static Path path(Properties properties, String name, Path fallback) {
        String value = properties.getProperty(PREFIX + name);
        return (value == null || value.isBlank() ? fallback : Path.of(value)).toAbsolutePath().normalize();
    }

    private static int number(Properties properties, String name, int fallback, int min, int max) {
        String value = properties.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number = Integer.parseInt(value.trim());
        if (number < min || number > max) {
            throw new IllegalArgumentException(PREFIX + name + " must be " + min + " to " + max + ", not " + value);
        }
        return number;
    }
}
