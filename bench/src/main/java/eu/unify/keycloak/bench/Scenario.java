package eu.unify.keycloak.bench;

import java.util.Optional;

/**
 * One thing the benchmark measures, for example a stock password login or a Unify code check. Scenarios are
 * registered in {@code META-INF/services/eu.unify.keycloak.bench.Scenario} and run in that order, side by side:
 * the driver interleaves their measured batches, so every scenario sees the same machine load.
 *
 * <p>Life cycle: {@link #setup} once (create the scenario's own realm through the admin REST API), then batches:
 * {@link #prepare} (not measured), then {@code steps} calls of {@link #step} from {@code concurrency} worker threads
 * (measured: server CPU before and after the batch, and each step's latency), and finally {@link #teardown}.
 */
public interface Scenario {

    /** Unique, stable, short: the table's first column, and what {@code -Dunify.bench.scenarios} selects. */
    String name();

    /** The scenario this one is compared with (its ratio and extra CPU); empty for a baseline. */
    Optional<String> baseline();

    /** What one step is, in a few words, for the legend under the table. */
    String stepDescription();

    /** Steps per batch relative to the configured batch size; cheap steps take bigger batches for a stable CPU reading. */
    default int batchScale() {
        return 1;
    }

    /**
     * Creates what the steps need. {@link BenchContext#plannedSteps} tells how many steps at most will run, for
     * scenarios that use something up per step (a user per password reset, for example).
     */
    void setup(BenchContext context) throws Exception;

    /** Runs before each batch, outside the measurement: open the forms the next {@code steps} steps will submit. */
    default void prepare(int steps) throws Exception {
    }

    /**
     * One measured unit of work, on worker {@code worker} (0 to concurrency - 1; the same worker never runs two steps
     * at once). Must check that the server did what was expected and throw otherwise: a benchmark of error pages is
     * worthless, so the first failure stops the run.
     */
    void step(int worker) throws Exception;

    /**
     * Runs once after the last round, before {@link #teardown}: checks what the whole run left on the server (for
     * example that every step's record was stored) and returns lines for the report. Throwing fails the run.
     */
    default java.util.List<String> verify(BenchContext context) throws Exception {
        return java.util.List.of();
    }

    /** Removes what {@link #setup} created. */
    default void teardown(BenchContext context) throws Exception {
    }
}
