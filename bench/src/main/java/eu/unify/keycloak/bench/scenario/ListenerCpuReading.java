package eu.unify.keycloak.bench.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.bench.BenchContext;

/**
 * One reading of the audit listener's thread CPU counters (provider info of {@code unify-audit}, present when the
 * server runs with {@code -Dunify.audit.measureCpu=true}, as the benchmark starts it): events given to the listener,
 * records it appended of them (successful token requests are left out unless {@code record-token-requests}), CPU
 * microseconds of its own work, and of the flush of the action's own writes before the append.
 */
record ListenerCpuReading(long events, long records, long ownMicros, long flushMicros) {

    static ListenerCpuReading read(BenchContext context) throws IOException, InterruptedException {
        JsonNode info = context.admin().json().readTree(context.admin().get("/admin/serverinfo"))
                .path("providers").path("eventsListener").path("providers").path("unify-audit")
                .path("operationalInfo");
        return new ListenerCpuReading(info.path("measuredEvents").asLong(-1), info.path("measuredRecords").asLong(-1),
                info.path("measuredOwnCpuMicros").asLong(-1), info.path("measuredFlushCpuMicros").asLong(-1));
    }

    /**
     * Per event over the measured batches (readings 1..n: reading 0 was taken before the warm-up): the mean over
     * batches of each batch's own CPU per event, with its standard error, and the flush's the same way.
     */
    static String perEventOfMeasuredBatches(List<ListenerCpuReading> readings) {
        if (readings.size() < 3 || readings.get(0).events() < 0) {
            return "listener thread CPU: not measured (no counters in the provider info)";
        }
        List<Double> own = new ArrayList<>();
        List<Double> ownPerRecord = new ArrayList<>();
        List<Double> flush = new ArrayList<>();
        for (int i = 1; i + 1 < readings.size(); i++) {
            ListenerCpuReading from = readings.get(i);
            ListenerCpuReading to = readings.get(i + 1);
            long events = to.events() - from.events();
            if (events > 0) {
                own.add((double) (to.ownMicros() - from.ownMicros()) / events);
                long records = to.records() - from.records();
                if (records > 0) {
                    ownPerRecord.add((double) (to.ownMicros() - from.ownMicros()) / records);
                }
                flush.add((double) (to.flushMicros() - from.flushMicros()) / events);
            }
        }
        return String.format(Locale.ROOT, "listener thread CPU per event over %d measured batches: own work %.0f us"
                        + " (+- %.0f), i.e. %.0f us (+- %.0f) per record appended, plus %.0f us (+- %.0f) per event"
                        + " flushing the action's own writes before the append (work the commit would do otherwise);"
                        + " the commit itself is not in it",
                own.size(), mean(own), standardError(own), mean(ownPerRecord), standardError(ownPerRecord), mean(flush),
                standardError(flush));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double standardError(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        return Math.sqrt(variance / values.size());
    }
}
