package eu.unify.keycloak.bench.scenario;

import java.util.Optional;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.Scenario;

/**
 * Token building with {@code unify-entitlements-mapper}: the refresh-token grant of {@link StockTokenRefreshScenario}, for the same user, with the mapper on the client (claim in access and ID token).
 */
public final class EntitlementsTokenScenario implements Scenario {

    public static final String NAME = "unify-entitlements-token";

    private final EntitlementsTokens tokens = new EntitlementsTokens(true, "bench-" + NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(StockTokenRefreshScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return "the same refresh-token grant, client with unify-entitlements-mapper in access and ID token (1 request)";
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
