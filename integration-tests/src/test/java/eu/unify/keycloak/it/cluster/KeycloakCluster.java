package eu.unify.keycloak.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Several Keycloak nodes on this machine that form one cluster, as ops run Unify past one machine: one unpacked
 * distribution with the bundle in {@code providers/}, built once with {@code --db=postgres --cache=ispn}, started N
 * times on loopback with distinct HTTP, management and cluster ports, one PostgreSQL database, Keycloak's default
 * discovery (jdbc-ping through that database), and a {@link ClusterFront} before them whose URL every node is given as
 * its {@code --hostname} (a token issued by one node is then valid on the others, as behind a real load balancer).
 *
 * <p>The ports differ from the suite's single server (8080, 9000, 3025), so both can run in one test JVM. Node logs go
 * to {@code integration-tests/target/cluster/node-<n>.log}. Start it through {@link ClusterExtension}: once per test
 * run, shared by every cluster test class.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final String ADMIN = "cluster-admin";
    public static final String ADMIN_PASSWORD = "cluster-admin-password";

    static final int FIRST_HTTP_PORT = 8181;
    static final int FIRST_MANAGEMENT_PORT = 9101;
    static final int FIRST_CLUSTER_PORT = 7901;
    static final int FRONT_PORT = 8280;
    static final int SMTP_PORT = 3125;

    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view[^\\[]*\\[[^\\]]*\\] \\((\\d+)\\)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Settings settings;
    private final Path home;
    private final List<Node> nodes = new ArrayList<>();
    private final ClusterFront front;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What the cluster is started with. */
    public record Settings(int nodes, Path bundleJar, Path distributionZip, Path workDir, String jdbcUrl,
                           String dbUser, String dbPassword, List<String> options) {
    }

    /** One node: its number (1..N), its own URL (bypassing the front), and its process while it runs. */
    public final class Node {
        private final int number;
        private Process process;
        private final Path log;
        private final Path serverLog;
        /** Where this process's output starts in the log (a restarted node appends to its log). */
        private volatile long logOffset;

        Node(int number) {
            this.number = number;
            this.log = settings.workDir().resolve("node-" + number + ".log");
            this.serverLog = settings.workDir().resolve("node-" + number + "-server.log");
        }

        public int number() {
            return number;
        }

        public int httpPort() {
            return FIRST_HTTP_PORT + number - 1;
        }

        /** The node's own address, bypassing the front (URLs in its answers still name the front). */
        public String url() {
            return "http://127.0.0.1:" + httpPort();
        }

        public Path log() {
            return log;
        }

        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        /** What the node's current process logged so far (console output, including Infinispan's cluster views). */
        public String logText() {
            try {
                if (!Files.exists(log)) {
                    return "";
                }
                byte[] bytes = Files.readAllBytes(log);
                int from = (int) Math.min(logOffset, bytes.length);
                return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private KeycloakCluster(Settings settings) {
        this.settings = settings;
        this.home = settings.workDir().resolve("keycloak");
        for (int i = 1; i <= settings.nodes(); i++) {
            nodes.add(new Node(i));
        }
        this.front = new ClusterFront(FRONT_PORT, nodes.stream().map(Node::url).toList());
    }

    /** Unpacks, builds and starts every node, and waits until all of them are in one cluster view. */
    public static KeycloakCluster start(Settings settings) {
        KeycloakCluster cluster = new KeycloakCluster(settings);
        try {
            long started = System.currentTimeMillis();
            cluster.freshDatabase();
            cluster.unpackAndBuild();
            long built = System.currentTimeMillis();
            cluster.front.start();
            for (Node node : cluster.nodes) {
                cluster.startNode(node);
            }
            cluster.awaitView(cluster.nodes.size());
            report("Cluster of %d nodes: built in %d ms, started in %d ms", cluster.nodes.size(),
                    built - started, System.currentTimeMillis() - built);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Node {@code number}, counted from 1. */
    public Node node(int number) {
        return nodes.get(number - 1);
    }

    public ClusterFront front() {
        return front;
    }

    /** The URL every node names itself by: the front's. */
    public String frontUrl() {
        return front.url();
    }

    /** Ends the node's process at once (SIGKILL, no shutdown hooks), as a crash or an OOM kill does. */
    public void kill(Node node) {
        ProcessHandle handle = node.process.toHandle();
        // kc.sh starts java as its child: kill the whole tree, children first.
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        waitForExit(node.process);
        report("Node %d killed", node.number);
    }

    /** Starts a stopped or killed node again and waits until the cluster has all nodes. */
    public void restart(Node node) {
        if (node.isRunning()) {
            throw new IllegalStateException("node " + node.number + " still runs");
        }
        startNode(node);
        awaitView(nodes.size());
    }

    /**
     * Waits until every running node sees a cluster of {@code members} nodes (the last view each logged). After a node
     * is killed the others notice only once failure detection has given up on it.
     */
    public void awaitView(int members) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT.toMillis();
        while (true) {
            boolean all = nodes.stream().filter(Node::isRunning).allMatch(n -> lastView(n) == members);
            if (all) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                StringBuilder views = new StringBuilder();
                nodes.forEach(n -> views.append(" node ").append(n.number).append(": ").append(lastView(n)));
                throw new IllegalStateException("no cluster view of " + members + " nodes:" + views);
            }
            pause(500);
        }
    }

    /** The member count of the last cluster view the node logged, 0 if none yet. */
    public static int lastView(Node node) {
        Matcher matcher = VIEW.matcher(node.logText());
        int last = 0;
        while (matcher.find()) {
            last = Integer.parseInt(matcher.group(1));
        }
        return last;
    }

    private void startNode(Node node) {
        long started = System.currentTimeMillis();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
        command.addAll(settings.options());
        command.addAll(List.of(
                "--hostname=" + front.url(),
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + node.httpPort(),
                "--http-management-port=" + (FIRST_MANAGEMENT_PORT + node.number - 1),
                "--health-enabled=true",
                "--db-url=" + settings.jdbcUrl(),
                "--db-username=" + settings.dbUser(),
                "--db-password=" + settings.dbPassword(),
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + (FIRST_CLUSTER_PORT + node.number - 1),
                "--log=console,file",
                "--log-file=" + node.serverLog));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.log.toFile()));
        builder.environment().putAll(Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m"));
        try {
            node.logOffset = Files.exists(node.log) ? Files.size(node.log) : 0;
            node.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(node);
        report("Node %d ready in %d ms (%s, log %s)", node.number, System.currentTimeMillis() - started,
                node.url(), node.log);
    }

    private void awaitReady(Node node) {
        URI ready = URI.create("http://127.0.0.1:" + (FIRST_MANAGEMENT_PORT + node.number - 1) + "/health/ready");
        long deadline = System.currentTimeMillis() + START_TIMEOUT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!node.process.isAlive()) {
                throw new IllegalStateException("node " + node.number + " exited; see " + node.log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Every DOWN answer is logged by the node: poll once a second.
            pause(1_000);
        }
        throw new IllegalStateException("node " + node.number + " not ready in " + START_TIMEOUT + "; see " + node.log);
    }

    /** The cluster's own database, empty: the first node creates Keycloak's schema and Unify's tables in it. */
    private void freshDatabase() {
        String url = settings.jdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, settings.dbUser(), settings.dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the cluster's database " + database, e);
        }
    }

    /** A fresh distribution under target/, the bundle in providers/, built for PostgreSQL and the embedded cluster. */
    private void unpackAndBuild() {
        try {
            Files.createDirectories(settings.workDir());
            deleteTree(home);
            // Logs of an earlier run would mislead (the purge test and the suite's secret scan read them).
            for (Node node : nodes) {
                Files.deleteIfExists(node.log);
                Files.deleteIfExists(node.serverLog);
            }
            unzip(settings.distributionZip(), settings.workDir(), home);
            Files.copy(settings.bundleJar(), home.resolve("providers").resolve(settings.bundleJar().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            for (String script : List.of("kc.sh")) {
                Files.setPosixFilePermissions(home.resolve("bin").resolve(script), EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.GROUP_EXECUTE));
            }
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build",
                    "--db=postgres", "--cache=ispn", "--health-enabled=true"));
            command.addAll(buildOptions(settings.options()));
            Path buildLog = settings.workDir().resolve("build.log");
            Process build = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(buildLog.toFile()).start();
            if (waitForExit(build) != 0) {
                throw new IllegalStateException("kc.sh build failed; see " + buildLog);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options given at build time too (Keycloak fixes build options in the build; giving them again is harmless). */
    private static List<String> buildOptions(List<String> options) {
        Set<String> buildTime = Set.of("--features", "--db-kind-", "--spi-email-sender--provider-default",
                "--db-enabled-");
        return options.stream().filter(o -> buildTime.stream().anyMatch(o::startsWith)).toList();
    }

    private static void unzip(Path zip, Path into, Path home) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                // The zip holds one top folder keycloak-<version>/: unpack its content into home.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the distribution: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int waitForExit(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Timings go to the test output, where Failsafe's report keeps them. */
    private static void report(String format, Object... args) {
        System.out.printf("KeycloakCluster: " + format + "%n", args);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops every node (SIGTERM, then SIGKILL after 30 s) and the front. */
    @Override
    public void close() {
        for (Node node : nodes) {
            if (node.process != null && node.process.isAlive()) {
                ProcessHandle handle = node.process.toHandle();
                List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
                tree.forEach(ProcessHandle::destroy);
                handle.destroy();
                tree.add(handle);
                for (ProcessHandle p : tree) {
                    try {
                        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                }
            }
        }
        front.stop();
    }
}
