package eu.unify.keycloak.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The demo server behind {@code ./mvnw -Pdemo}: a mail catcher with the demo app, and Keycloak with the Unify
 * bundle and the demo realm, until Ctrl-C. Settings are system properties, see {@link DemoSettings} and README.md.
 */
public final class DemoServer {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final DemoSettings settings;
    private final Console console;
    private final KeycloakServer keycloak;
    private final RealmImport realmImport;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Set once the mail catcher runs; null before. */
    private volatile MailCatcher mailCatcher;

    DemoServer(DemoSettings settings, Console console) {
        this.settings = settings;
        this.console = console;
        this.keycloak = new KeycloakServer(settings.keycloakHome(), settings.keycloakLog());
        this.realmImport = new RealmImport(settings.keycloakHome());
    }

    public static void main(String[] args) {
        Console console = new Console(System.out);
        int exitCode;
        try {
            DemoSettings settings = DemoSettings.from(System.getProperties(), DemoSettings.buildProperties());
            exitCode = new DemoServer(settings, console).run();
        } catch (Exception e) {
            console.failure(e);
            exitCode = 1;
        }
        // Returning normally lets the exec plugin finish the Maven build; only a failure needs an exit code.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs until Keycloak stops; 0 when it was asked to stop (Ctrl-C), non-zero otherwise. */
    int run() throws IOException, InterruptedException {
        if (!prerequisitesMet()) {
            return 2;
        }
        console.info("Starting the mail catcher: SMTP localhost:" + settings.smtpPort()
                + ", web " + settings.mailUrl() + "/");
        MailCatcher catcher = MailCatcher.start(settings.smtpPort(), settings.mailPort());
        mailCatcher = catcher;
        catcher.mount("/app/", new DemoApp(settings.realmUrl(), settings.demoAppUrl(), DemoSettings.CLIENT_ID,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnCtrlC, "unify-demo-shutdown"));

        boolean firstStart = realmImport.willImport();
        if (keycloak.installProvider(settings.bundleJar())) {
            console.info("Installed " + settings.bundleJar().getFileName() + " in providers/;"
                    + " Keycloak rebuilds itself first, which takes a while");
        }
        realmImport.writeImportFile(settings.smtpPort(), settings.mailPort());
        if (!firstStart) {
            realmImport.portsChangedSinceImport(settings.smtpPort(), settings.mailPort()).ifPresent(console::warn);
        }

        console.info("Starting Keycloak " + (firstStart ? "for the first time (creates the database and imports"
                + " the unify-demo realm; up to a few minutes)" : "with the existing data")
                + ", log: " + settings.keycloakLog());
        Instant started = Instant.now();
        keycloak.start(settings.httpPort(), settings.managementPort(), settings.adminUsername(),
                settings.adminPassword());
        KeycloakServer.Readiness readiness = keycloak.awaitReady(settings.readinessProbe(), settings.startTimeout(),
                console::stillStarting);
        if (readiness != KeycloakServer.Readiness.READY) {
            return stopAfterFailure(readiness == KeycloakServer.Readiness.EXITED
                    ? "Keycloak exited while starting."
                    : "Keycloak did not answer within " + settings.startTimeout().toSeconds() + " s.");
        }
        if (firstStart) {
            realmImport.rememberImportedPorts(settings.smtpPort(), settings.mailPort());
        }
        console.banner(settings, Duration.between(started, Instant.now()));

        int exitCode = keycloak.awaitExit();
        return stopAfterFailure("Keycloak stopped by itself (exit code " + exitCode + ").");
    }

    private boolean prerequisitesMet() {
        boolean met = true;
        if (!Files.isRegularFile(keycloak.script())) {
            console.error("No Keycloak at " + settings.keycloakHome() + " (" + keycloak.script().getFileName()
                    + " missing). Run ./mvnw -Pdemo from the repository root, which unpacks it.");
            met = false;
        }
        if (!Files.isRegularFile(settings.bundleJar())) {
            console.error("No bundle jar at " + settings.bundleJar()
                    + ". Run ./mvnw -Pdemo from the repository root, which builds it.");
            met = false;
        }
        List<PortUse> ports = List.of(
                new PortUse("unify.demo.httpPort", settings.httpPort()),
                new PortUse("unify.demo.managementPort", settings.managementPort()),
                new PortUse("unify.demo.smtpPort", settings.smtpPort()),
                new PortUse("unify.demo.mailPort", settings.mailPort()));
        if (ports.stream().map(PortUse::port).distinct().count() < ports.size()) {
            console.error("The four ports must differ: " + ports.stream()
                    .map(port -> port.property() + "=" + port.port()).collect(Collectors.joining(", ")));
            return false;
        }
        for (PortUse port : ports) {
            // A busy Keycloak port would be worse than a failure: the readiness check could see another server.
            if (!port.isFree()) {
                console.error("Port " + port.port() + " is in use. Stop what uses it, or choose another port with -D"
                        + port.property() + "=...");
                met = false;
            }
        }
        return met;
    }

    /**
     * Keycloak is gone or never came up. If that is because Ctrl-C is stopping everything, all is well (0);
     * otherwise explain with the end of Keycloak's log, stop the rest and fail (1).
     */
    private int stopAfterFailure(String problem) throws InterruptedException {
        if (!stopping.compareAndSet(false, true)) {
            stopped.await();
            return 0;
        }
        console.error(problem);
        console.logTail("Last lines of " + settings.keycloakLog(), keycloak.logTail(LOG_TAIL_LINES));
        stopEverything();
        return 1;
    }

    /** Shutdown hook: Ctrl-C, or the JVM ending for any other reason. */
    private void stopOnCtrlC() {
        if (stopping.compareAndSet(false, true)) {
            console.info("Stopping Keycloak (up to " + STOP_GRACE.toSeconds() + " s) and the mail catcher ...");
            stopEverything();
            console.info("Stopped.");
        } else {
            // Someone else is stopping: the JVM must not end before Keycloak has.
            awaitStopped();
        }
    }

    private void stopEverything() {
        try {
            keycloak.stop(STOP_GRACE);
            Optional.ofNullable(mailCatcher).ifPresent(MailCatcher::close);
        } finally {
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await(STOP_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PortUse(String property, int port) {
        boolean isFree() {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
