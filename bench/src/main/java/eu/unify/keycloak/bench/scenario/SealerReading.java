package eu.unify.keycloak.bench.scenario;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.bench.BenchContext;

/**
 * One reading of the audit sealer's counters (provider info of {@code unify-audit}, since the server started): records
 * sealed, the sealer thread's CPU for them, and how many records waited how long from their event to their seal
 * (buckets with upper bounds in ms). Two readings give what happened between them.
 */
record SealerReading(long sealed, long cpuMicros, long[] bounds, long[] lagCounts) {

    static SealerReading read(BenchContext context) throws IOException, InterruptedException {
        JsonNode info = context.admin().json().readTree(context.admin().get("/admin/serverinfo"))
                .path("providers").path("eventsListener").path("providers").path("unify-audit")
                .path("operationalInfo");
        return parse(info.path("sealedRecords").asLong(-1), info.path("sealerCpuMicros").asLong(-1),
                info.path("sealLagMillis").asText(""));
    }

    /** {@code buckets}: {@code <=10:3,<=25:7,...,>:0} as the provider info gives it. */
    static SealerReading parse(long sealed, long cpuMicros, String buckets) {
        String[] parts = buckets.isBlank() ? new String[0] : buckets.split(",");
        long[] bounds = new long[parts.length];
        long[] counts = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] bound = parts[i].split(":");
            bounds[i] = bound[0].startsWith("<=") ? Long.parseLong(bound[0].substring(2)) : Long.MAX_VALUE;
            counts[i] = Long.parseLong(bound[1]);
        }
        return new SealerReading(sealed, cpuMicros, bounds, counts);
    }

    /** What was sealed between {@code before} and this reading. */
    SealerReading since(SealerReading before) {
        long[] counts = new long[lagCounts.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = lagCounts[i] - (i < before.lagCounts.length ? before.lagCounts[i] : 0);
        }
        return new SealerReading(sealed - before.sealed, cpuMicros - before.cpuMicros, bounds, counts);
    }

    /** The upper bound (ms) of the bucket holding the {@code quantile} of the records; MAX_VALUE if past the last. */
    long lagAtMost(double quantile) {
        long total = Arrays.stream(lagCounts).sum();
        long needed = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < lagCounts.length; i++) {
            seen += lagCounts[i];
            if (seen >= needed && total > 0) {
                return bounds[i];
            }
        }
        return Long.MAX_VALUE;
    }

    String describe() {
        if (sealed < 0) {
            return "sealer: no counters in the provider info";
        }
        return String.format(Locale.ROOT, "sealer: %,d records sealed, sealer thread CPU %.1f us per record;"
                        + " seal lag (event to sealed) p50 <= %s ms, p99 <= %s ms, max <= %s ms", sealed,
                sealed == 0 ? 0.0 : (double) cpuMicros / sealed, bound(lagAtMost(0.5)), bound(lagAtMost(0.99)),
                bound(lagAtMost(1.0)));
    }

    private static String bound(long millis) {
        return millis == Long.MAX_VALUE ? "(beyond the last bucket)" : Long.toString(millis);
    }
}
