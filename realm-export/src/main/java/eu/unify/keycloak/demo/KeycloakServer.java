package eu.unify.keycloak.demo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The unpacked Keycloak distribution, run as a child process with {@code kc.sh start-dev} (kc.bat on Windows).
 * Its console output goes to a log file so the demo's own console stays readable.
 * Public because the benchmark module ({@code bench/}) runs its server through it too, with its own options.
 */
public final class KeycloakServer {

    public enum Readiness { READY, EXITED, TIMED_OUT }

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private final Path home;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Set by {@link #start}; null before. */
    private volatile Process process;

    public KeycloakServer(Path home, Path log) {
        this.home = home;
        this.log = log;
    }

    public Path script() {
        return home.resolve("bin").resolve(isWindows() ? "kc.bat" : "kc.sh");
    }

    /**
     * Copies the bundle into providers/, first removing any other unify-keycloak-*.jar (an older version).
     * A jar with unchanged content is left alone, even if Maven packed it anew (after {@code mvn clean} the entries'
     * dates differ): a new file would make start-dev rebuild the server, which takes half a minute or more.
     *
     * @return whether the providers changed
     */
    public boolean installProvider(Path bundleJar) throws IOException {
        Path providers = Files.createDirectories(home.resolve("providers"));
        Path installed = providers.resolve(bundleJar.getFileName());
        boolean changed = false;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(providers, "unify-keycloak-*.jar")) {
            for (Path jar : jars) {
                if (!jar.getFileName().equals(installed.getFileName())) {
                    Files.delete(jar);
                    changed = true;
                }
            }
        }
        if (Files.isRegularFile(installed) && sameContent(installed, bundleJar)) {
            return changed;
        }
        Files.copy(bundleJar, installed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return true;
    }

    /** Same bytes, or jars with the same entries of the same content (compared by size and CRC-32). */
    static boolean sameContent(Path a, Path b) throws IOException {
        if (Files.mismatch(a, b) == -1L) {
            return true;
        }
        try {
            return entries(a).equals(entries(b));
        } catch (ZipException notAJar) {
            return false;
        }
    }

    private static Map<String, List<Long>> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(entry -> !entry.isDirectory())
                    .collect(Collectors.toMap(ZipEntry::getName, entry -> List.of(entry.getSize(), entry.getCrc())));
        }
    }

    /**
     * The one server option Unify needs, a build option: Keycloak's mail goes through {@code unify-forwarding}, so a
     * sub-account whose mail is forwarded (legacy migration) gets it in its main account's mailbox. It passes all
     * other mail through unchanged.
     */
    public static final String MAIL_FORWARDING_OPTION = "--spi-email-sender--provider-default=unify-forwarding";

    /**
     * The admin console's extension tabs (Keycloak's ui-tab SPI, a build option): with it, the audit trail's retention
     * is a field of Realm settings → Audit trail.
     */
    public static final String CONSOLE_TABS_OPTION = "--features=declarative-ui";

    void start(int httpPort, int managementPort, String adminUsername, String adminPassword) throws IOException {
        start(demoArguments(httpPort, managementPort), adminUsername, adminPassword);
    }

    static List<String> demoArguments(int httpPort, int managementPort) {
        return List.of("start-dev", "--import-realm", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort, MAIL_FORWARDING_OPTION, CONSOLE_TABS_OPTION);
    }

    /**
     * Runs {@code kc.sh} with the given command and options (for example {@code start --http-port=18080}).
     *
     * @param adminUsername the bootstrap admin, created only when the master realm has no admin yet
     */
    public void start(List<String> arguments, String adminUsername, String adminPassword) throws IOException {
        Path script = script();
        if (!isWindows() && !Files.isExecutable(script) && !script.toFile().setExecutable(true)) {
            throw new IOException(script + " is not executable");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        // Only used when the master realm has no admin yet, i.e. on the first start.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        // The Java that runs the demo also runs Keycloak, whatever JAVA_HOME said.
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
    }

    /**
     * Polls {@code probe} until it answers 200, the process exits or {@code timeout} passes.
     *
     * @param progress told the time waited so far, every ten seconds
     */
    public Readiness awaitReady(URI probe, Duration timeout, Consumer<Duration> progress) throws InterruptedException {
        Instant started = Instant.now();
        Instant nextProgress = started.plus(PROGRESS_INTERVAL);
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                return Readiness.EXITED;
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Readiness.READY;
                }
            } catch (IOException notListeningYet) {
                // Expected until Keycloak has opened its port.
            }
            Instant now = Instant.now();
            if (now.isAfter(started.plus(timeout))) {
                return Readiness.TIMED_OUT;
            }
            if (now.isAfter(nextProgress)) {
                progress.accept(Duration.between(started, now));
                nextProgress = nextProgress.plus(PROGRESS_INTERVAL);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** kc.sh and the JVM it started, while they run; empty before {@link #start}. */
    public List<ProcessHandle> processTree() {
        Process running = process;
        if (running == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(running.toHandle()), running.descendants()).toList();
    }

    /** Blocks until Keycloak exits; returns its exit code. */
    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Asks the whole process tree (kc.sh and the JVM it started) to stop, waits up to {@code grace}, then kills
     * what is left. The tree is collected first because descendants can no longer be found once kc.sh is gone.
     */
    public void stop(Duration grace) {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(running.descendants(), Stream.of(running.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                handle.onExit().get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    /** The last lines of Keycloak's log, to explain a failed start. */
    public List<String> logTail(int lines) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            // The tail of the file is enough, and the log of a long run can be large.
            long start = Math.max(0, file.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
