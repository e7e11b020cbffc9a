package eu.unify.keycloak.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /** Server CPU per step of each batch, in milliseconds. */
    private double[] batchCpuMillisPerStep = new double[0];
    private List<String> report = List.of();

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
        if (latencies.length > 0) {
            batchCpuMillisPerStep = Arrays.copyOf(batchCpuMillisPerStep, batchCpuMillisPerStep.length + 1);
            batchCpuMillisPerStep[batchCpuMillisPerStep.length - 1] = cpuNanos / 1e6 / latencies.length;
        }
        int old = this.latencies.length;
        this.latencies = Arrays.copyOf(this.latencies, old + latencies.length);
        System.arraycopy(latencies, 0, this.latencies, old, latencies.length);
    }

    /** Lines of the scenario's check after the run ({@link Scenario#verify}), printed under the table. */
    public void addReport(List<String> lines) {
        List<String> all = new ArrayList<>(report);
        all.addAll(lines);
        report = List.copyOf(all);
    }

    public List<String> report() {
        return report;
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

    /**
     * Standard error of the CPU per step: the spread of the batches' CPU per step (sample standard deviation) over
     * the square root of their number. About two of these either side of the value hold the true mean, if the
     * machine's load did not drift in one direction over the run. NaN with fewer than two batches.
     */
    public double cpuMillisStandardError() {
        int n = batchCpuMillisPerStep.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(batchCpuMillisPerStep).average().orElseThrow();
        double squares = Arrays.stream(batchCpuMillisPerStep).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }

    /** Latency percentile in milliseconds; NaN before the first batch. */
    public double latencyMillis(double percent) {
        return steps == 0 ? Double.NaN : new Percentiles(latencies).percentile(percent) / 1e6;
    }
}
