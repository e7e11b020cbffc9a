package eu.unify.keycloak.it;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.testframework.KeycloakIntegrationTestExtension;
import org.keycloak.testframework.database.TestDatabase;
import org.keycloak.testframework.injection.InstanceContext;
import org.keycloak.testframework.injection.Supplier;
import org.keycloak.testframework.server.KeycloakServer;

/**
 * Restarts the suite's Keycloak in the middle of a test: its process is stopped and a new one is started with the
 * configuration the framework first started it with (same options, same providers, same database), then the framework
 * is handed the new server, which it stops at the end of the run as usual. Costs one server start (about 15 s here);
 * the following test classes use the new server.
 *
 * <p>Register it in a test class with {@code @RegisterExtension final ServerRestart restart = new ServerRestart();} and
 * call {@link #now()}. The test framework has no restart of its own; this uses its registry the way its own extension
 * does, and one package-private setter of {@code InstanceContext} (framework {@code 26.7.0}): should a framework upgrade
 * remove it, {@link #now()} fails with a message saying so.
 *
 * <p>Only a database that outlives Keycloak's process makes a restart meaningful: the default in-memory H2 is lost with
 * the process, with every realm in it. {@link #databaseOutlivesServer(TestDatabase)} tells which one runs.
 */
public final class ServerRestart implements BeforeEachCallback {

    private static final Logger LOG = Logger.getLogger(ServerRestart.class);

    private ExtensionContext context;

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        this.context = extensionContext;
    }

    /** Whether the suite's database keeps its data when Keycloak's process ends (everything but in-memory H2). */
    public static boolean databaseOutlivesServer(TestDatabase database) {
        return !"dev-mem".equals(database.serverConfig().get("db"));
    }

    /** Stops the server and starts it again; returns once the new server answers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void now() {
        if (context == null) {
            throw new IllegalStateException("ServerRestart is not registered with @RegisterExtension");
        }
        InstanceContext server = KeycloakIntegrationTestExtension.getRegistry(context).getDeployedInstances().stream()
                .filter(instance -> instance.getValue() instanceof KeycloakServer)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Keycloak server is deployed"));
        long started = System.currentTimeMillis();
        ((KeycloakServer) server.getValue()).stop();
        LOG.info("Keycloak stopped for a restart");
        // The supplier builds the same configuration from the same annotation and dependencies, and starts a server.
        KeycloakServer restarted = (KeycloakServer) ((Supplier) server.getSupplier()).getValue(server);
        setValue(server, restarted);
        LOG.infof("Keycloak restarted in %d ms", System.currentTimeMillis() - started);
    }

    private static void setValue(InstanceContext<?, ?> instance, KeycloakServer value) {
        try {
            Method setter = InstanceContext.class.getDeclaredMethod("setValue", Object.class);
            setter.setAccessible(true);
            setter.invoke(instance, value);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("the test framework changed: InstanceContext.setValue is gone", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
