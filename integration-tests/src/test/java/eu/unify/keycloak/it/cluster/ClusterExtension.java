package eu.unify.keycloak.it.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Gives cluster test classes the one {@link KeycloakCluster} of the test run (and its {@link ClusterMail}): started by
 * the first class that asks, kept in JUnit's root store and stopped when the run ends, so the cluster starts once for
 * all cluster classes. Use {@code @ExtendWith(ClusterExtension.class)} and take {@code KeycloakCluster} or
 * {@code ClusterMail} as a parameter of a {@code @BeforeAll}, {@code @BeforeEach} or test method.
 *
 * <p>The cluster needs PostgreSQL (nodes of one cluster share one database, and in-memory H2 cannot be shared): it
 * uses the server and credentials of the suite's database ({@code KC_TEST_DATABASE_*}, as in CI) with a database of
 * its own, {@code <suite database>_cluster}. Without a PostgreSQL suite database, cluster classes are skipped, like the
 * restart tests.
 */
public final class ClusterExtension implements BeforeAllCallback, ParameterResolver {

    /** How many nodes: 2 unless {@code -Dunify.cluster.nodes=N}. */
    static final int NODES = Integer.getInteger("unify.cluster.nodes", 2);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    /** What the root store holds: closed by JUnit when the run ends. */
    private record Running(KeycloakCluster cluster, ClusterMail mail) implements AutoCloseable {
        @Override
        public void close() {
            try {
                cluster.close();
            } finally {
                mail.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakCluster.class || type == ClusterMail.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == KeycloakCluster.class ? running.cluster() : running.mail();
    }

    private static Running running(ExtensionContext context) {
        String vendor = System.getenv("KC_TEST_DATABASE_VENDOR");
        String url = System.getenv("KC_TEST_DATABASE_URL");
        Assumptions.assumeTrue("remote".equals(System.getenv("KC_TEST_DATABASE")) && "postgres".equals(vendor)
                        && url != null,
                "the cluster tests need the suite on PostgreSQL (KC_TEST_DATABASE=remote, vendor postgres), as in CI");
        // A start that failed is not tried again by every following class (each try costs minutes): they fail at once.
        Object started = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> {
            try {
                return start(url);
            } catch (RuntimeException | Error e) {
                return new IllegalStateException("the cluster did not start", e);
            }
        }, Object.class);
        if (started instanceof IllegalStateException failed) {
            throw failed;
        }
        return (Running) started;
    }

    private static Running start(String suiteUrl) {
        String jdbcUrl = (suiteUrl.contains("?") ? suiteUrl.substring(0, suiteUrl.indexOf('?')) : suiteUrl) + "_cluster";
        Path workDir = Path.of("target", "cluster").toAbsolutePath();
        Path bundle = Path.of(System.getProperty("unify.bundle.jar"));
        Path zip = Path.of(System.getProperty("unify.keycloak.dist"));
        if (!Files.exists(bundle) || !Files.exists(zip)) {
            throw new IllegalStateException("missing " + (Files.exists(bundle) ? zip : bundle)
                    + ": run ./mvnw verify (the bundle is packaged, the distribution resolved by Maven)");
        }
        List<String> options = new ArrayList<>(UnifyServerConfig.distributionOptions());
        // Short enough that the purge test sees several intervals while the cluster tests run.
        options.add("--spi-events-listener--unify-audit--purge-interval-minutes=1");
        // The cluster-wide scheduling says on which node each scheduled run happened.
        options.add("--log-level=INFO,eu.unify.keycloak.common.scheduled:debug");
        ClusterMail mail = ClusterMail.start(KeycloakCluster.SMTP_PORT);
        try {
            KeycloakCluster cluster = KeycloakCluster.start(new KeycloakCluster.Settings(NODES, bundle, zip, workDir,
                    jdbcUrl, System.getenv("KC_TEST_DATABASE_USER"), System.getenv("KC_TEST_DATABASE_PASSWORD"),
                    options));
            return new Running(cluster, mail);
        } catch (RuntimeException | Error e) {
            mail.close();
            throw e;
        }
    }
}
