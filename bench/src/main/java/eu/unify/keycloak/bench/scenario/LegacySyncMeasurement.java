package eu.unify.keycloak.bench.scenario;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchMeasurement;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.BulkMeasurement;
import eu.unify.keycloak.bench.CpuSampler;

/**
 * "Synchronize all users" of {@code unify-legacy} over a large legacy store ({@code -Dunify.bench.legacySyncRows},
 * default 100,000 rows), as the console's button runs it: the first run imports every account, in the federation's
 * default batches; the second run must change nothing (every account already there) and shows what a re-run costs.
 * Reports rows per second (wall clock) and server CPU per row for both, and checks the realm's user count.
 */
public final class LegacySyncMeasurement implements BulkMeasurement {

    public static final String NAME = "unify-legacy-sync";
    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(60);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> run(BenchContext context, CpuSampler cpu) throws Exception {
        int rows = Integer.getInteger("unify.bench.legacySyncRows", 100_000);
        String realmName = "bench-" + NAME;
        LegacyBenchStore store = new LegacyBenchStore(NAME);
        try {
            store.recreate();
            store.insertAccounts("sync-", rows);
            BenchRealm realm = BenchRealm.create(context.admin().json(), realmName, context.smtpPort());
            context.admin().deleteRealmIfExists(realmName);
            context.admin().createRealm(realm.representation());
            String federation = store.addFederation(context.admin(), realmName);
            String sync = "/admin/realms/" + realmName + "/user-storage/" + federation + "/sync?action=triggerFullSync";

            List<String> report = new ArrayList<>();
            BenchMeasurement<HttpResponse<String>> first = BenchMeasurement.of(cpu, () -> context.admin().post(sync, null, 200, SYNC_TIMEOUT));
            JsonNode firstResult = context.admin().json().readTree(first.result().body());
            long users = Long.parseLong(context.admin().get("/admin/realms/" + realmName + "/users/count").trim());
            if (firstResult.path("added").asLong() != rows || users != rows) {
                throw new IllegalStateException("SYNC DID NOT IMPORT EVERY ROW: " + rows + " rows, result "
                        + firstResult + ", users in realm " + users);
            }
            report.add(line("first sync (imports every account)", rows, first, firstResult));

            BenchMeasurement<HttpResponse<String>> again = BenchMeasurement.of(cpu, () -> context.admin().post(sync, null, 200, SYNC_TIMEOUT));
            JsonNode againResult = context.admin().json().readTree(again.result().body());
            if (againResult.path("added").asLong() != 0 || againResult.path("updated").asLong() != 0) {
                throw new IllegalStateException("A SECOND SYNC CHANGED ACCOUNTS: " + againResult);
            }
            report.add(line("second sync (nothing to change)", rows, again, againResult));
            return report;
        } finally {
            context.admin().deleteRealmIfExists(realmName);
            store.drop();
        }
    }

    private static String line(String what, int rows, BenchMeasurement<?> run, JsonNode result) {
        double seconds = run.wallNanos() / 1e9;
        return String.format(Locale.ROOT, "%s over %,d legacy rows: %.1f s, %,.0f rows/s, server CPU %.2f ms/row"
                        + " (result: %s)", what, rows, seconds, rows / seconds, run.cpuNanos() / 1e6 / rows,
                result.path("status").asText(result.toString()));
    }
}
