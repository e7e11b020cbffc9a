package eu.unify.keycloak.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * What the demo server is told through system properties; the defaults are the ones the README documents.
 * The Maven profile passes the three paths, everything else comes from -D options on the command line.
 */
record DemoSettings(
        Path home,
        Path keycloakHome,
        Path bundleJar,
        int httpPort,
        int managementPort,
        int smtpPort,
        int mailPort,
        String adminUsername,
        String adminPassword,
        Duration startTimeout) {

    static final String REALM = "unify-demo";
    static final String CLIENT_ID = "unify-demo-app";
    static final String DEMO_USERNAME = "demo";
    static final String DEMO_PASSWORD = "demo-password-1";

    private static final String PREFIX = "unify.demo.";

    /**
     * @param properties usually the system properties
     * @param build      the versions this launcher was built with (build.properties), for the default paths
     */
    static DemoSettings from(Properties properties, Properties build) {
        Path home = path(properties, "home", Path.of(".demo"));
        return new DemoSettings(
                home,
                path(properties, "keycloakHome", home.resolve("keycloak-" + build.getProperty("keycloak.version"))),
                path(properties, "bundleJar",
                        Path.of("bundle", "target", "unify-keycloak-" + build.getProperty("project.version") + ".jar")),
                port(properties, "httpPort", 8080),
                port(properties, "managementPort", 9000),
                port(properties, "smtpPort", 3025),
                port(properties, "mailPort", 8025),
                properties.getProperty(PREFIX + "adminUsername", "admin"),
                properties.getProperty(PREFIX + "adminPassword", "admin"),
                Duration.ofSeconds(Long.parseLong(properties.getProperty(PREFIX + "startTimeoutSeconds", "600"))));
    }

    static Properties buildProperties() {
        Properties build = new Properties();
        try (InputStream in = DemoSettings.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the classpath; build with Maven");
            }
            build.load(in);
            return build;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI keycloakUrl() {
        return URI.create("http://localhost:" + httpPort);
    }

    URI realmUrl() {
        return keycloakUrl().resolve("/realms/" + REALM);
    }

    /** Answers 200 once Keycloak runs and has the demo realm. */
    URI readinessProbe() {
        return URI.create(realmUrl() + "/.well-known/openid-configuration");
    }

    /** Served by the mail catcher's HTTP server; also where the realm's demo client redirects to. */
    URI mailUrl() {
        return URI.create("http://localhost:" + mailPort);
    }

    URI demoAppUrl() {
        return mailUrl().resolve("/app/");
    }

    Path keycloakLog() {
        return home.resolve("keycloak.log");
    }

    private static Path path(Properties properties, String name, Path fallback) {
        String value = properties.getProperty(PREFIX + name);
        return (value == null || value.isBlank() ? fallback : Path.of(value)).toAbsolutePath().normalize();
    }

    private static int port(Properties properties, String name, int fallback) {
        String value = properties.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int port = Integer.parseInt(value.trim());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PREFIX + name + " must be a TCP port (1-65535), not " + value);
        }
        return port;
    }
}
