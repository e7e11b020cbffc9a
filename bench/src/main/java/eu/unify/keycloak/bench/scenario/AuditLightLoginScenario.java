package eu.unify.keycloak.bench.scenario;

/**
 * {@code unify-audit-login} against {@code stock-light-login}: the listener's cost against a login that costs a few
 * milliseconds instead of 100+, so a difference of a fraction of a millisecond per event can be resolved.
 */
public final class AuditLightLoginScenario extends AuditLoginScenario {

    public static final String NAME = "unify-audit-light-login";

    public AuditLightLoginScenario() {
        super(NAME, StockLightLoginScenario.NAME, true);
    }
}
