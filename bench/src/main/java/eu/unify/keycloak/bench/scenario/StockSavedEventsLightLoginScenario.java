package eu.unify.keycloak.bench.scenario;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import eu.unify.keycloak.bench.AdminApi;
import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;

/**
 * A reference for the audit listener, not a Unify feature: {@code stock-light-login} in a realm with Keycloak's own
 * event store on ("Save events", saved types {@code LOGIN} only). Keycloak then inserts one event row per login in the
 * login's transaction, as {@code unify-audit} does by default, but without the chain (no head row, no hash) and with
 * no allow list. Against {@code stock-light-login} its extra CPU is what storing one event per login in the request's
 * own transaction costs stock Keycloak: the floor under {@code unify-audit-light-login}'s extra.
 *
 * <p>After the run it counts the stored {@code LOGIN} events through Keycloak's events API and fails the run unless
 * each completed login has one.
 */
public final class StockSavedEventsLightLoginScenario extends StockLoginScenario {

    public static final String NAME = "stock-saved-events-light-login";
    private static final int PAGE = 10_000;

    private final AtomicLong completedLogins = new AtomicLong();

    public StockSavedEventsLightLoginScenario() {
        super(NAME, true);
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(StockLightLoginScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return "the stock-light-login step in a realm with Keycloak's own event store on, saving LOGIN events only"
                + " (one plain insert per login, in its transaction; a reference for unify-audit-light-login)";
    }

    @Override
    protected void configure(BenchRealm realm) {
        realm.representation().put("eventsEnabled", true);
        realm.representation().putArray("enabledEventTypes").add("LOGIN");
    }

    @Override
    public void step(int worker) throws Exception {
        super.step(worker);
        completedLogins.incrementAndGet();
    }

    @Override
    public List<String> verify(BenchContext context) throws Exception {
        long logins = completedLogins.get();
        long stored = countLoginEvents(context);
        String counts = String.format(Locale.ROOT, "logins performed %d, LOGIN events stored by Keycloak %d", logins,
                stored);
        if (stored != logins) {
            throw new IllegalStateException("KEYCLOAK'S OWN EVENTS LOST OR WRONG UNDER LOAD: " + counts);
        }
        return List.of(counts);
    }

    private static long countLoginEvents(BenchContext context) throws IOException, InterruptedException {
        return AdminApi.countPages(PAGE, first -> context.admin().json().readTree(context.admin().get(
                "/admin/realms/bench-" + NAME + "/events?type=LOGIN&first=" + first + "&max=" + PAGE)).size());
    }
}
