package eu.unify.keycloak.bench.scenario;

/**
 * {@code stock-login} with a one-iteration password hash: the baseline for measuring small additions to a login
 * (the audit listener), which the full hash's cost and spread would hide.
 */
public final class StockLightLoginScenario extends StockLoginScenario {

    public static final String NAME = "stock-light-login";

    public StockLightLoginScenario() {
        super(NAME, true);
    }

    @Override
    public String stepDescription() {
        return "stock-login with a one-iteration PBKDF2 password hash policy (the login without its hashing cost)";
    }
}
