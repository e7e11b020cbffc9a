package eu.unify.keycloak.bench;

import java.util.Arrays;
import java.util.Optional;

/** What the measured batches of one scenario added up to. Not thread-safe: the driver adds batches one at a time. */
public final class ScenarioResult {

    private final String name;
    private final Optional<String> baseline;
    private final String stepDescription;
    private long steps;
    private long cpuNanos;
    private int batches;
    private long[] latencies = new long[0];

    public ScenarioResult(String name, Optional<String> baseline, String stepDescription) {
        this.name = name;
        this.baseline = baseline;
        this.stepDescription = stepDescription;
    }

    /**
     * @param cpuNanos  the server's CPU time over the batch
     * @param latencies each step's latency in nanoseconds
     */
    public void addBatch(long cpuNanos, long[] latencies) {
        this.steps += latencies.length;
        this.cpuNanos += cpuNanos;
        this.batches++;
        int old = this.latencies.length;
        this.latencies = Arrays.copyOf(this.latencies, old + latencies.length);
        System.arraycopy(latencies, 0, this.latencies, old, latencies.length);
    }

    public String name() {
        return name;
    }

    public Optional<String> baseline() {
        return baseline;
    }

    public String stepDescription() {
        return stepDescription;
    }

    public long steps() {
        return steps;
    }

    public int batches() {
        return batches;
    }

    /** Server CPU per step in milliseconds; NaN before the first batch. */
    public double cpuMillisPerStep() {
        return steps == 0 ? Double.NaN : cpuNanos / 1e6 / steps;
    }

    /** Latency percentile in milliseconds; NaN before the first batch. */
    public double latencyMillis(double percent) {
        return steps == 0 ? Double.NaN : new Percentiles(latencies).percentile(percent) / 1e6;
    }
}
