package eu.unify.keycloak.bench.scenario;

import java.util.Optional;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.Scenario;

/**
 * The baseline of {@link EntitlementsTokenScenario}: a refresh-token grant (Keycloak builds access and ID token) for a user with 20 services and 50 customer numbers, on a client without the entitlements mapper.
 */
public final class StockTokenRefreshScenario implements Scenario {

    public static final String NAME = "stock-token-refresh";

    private final EntitlementsTokens tokens = new EntitlementsTokens(false, "bench-" + NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.empty();
    }

    @Override
    public String stepDescription() {
        return "stock token refresh: refresh-token grant for a user with 20 services and 50 customer numbers, client without the entitlements mapper (1 request)";
    }

    /** A refresh costs a few milliseconds: bigger batches for a stable CPU reading. */
    @Override
    public int batchScale() {
        return 10;
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        tokens.setup(context);
    }

    @Override
    public void step(int worker) throws Exception {
        tokens.step(worker);
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        tokens.teardown(context);
    }
}
