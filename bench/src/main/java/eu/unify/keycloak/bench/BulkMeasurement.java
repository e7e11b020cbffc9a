package eu.unify.keycloak.bench;

import java.util.List;

/**
 * A cost that is not per step but per job, for example "Synchronize all users" over a large legacy store: run once,
 * after the interleaved rounds of the {@link Scenario}s, against the same server, with the same CPU reading.
 * Registered in {@code META-INF/services/eu.unify.keycloak.bench.BulkMeasurement} and selected by
 * {@code -Dunify.bench.scenarios} like scenarios. Its lines are printed under the table.
 */
public interface BulkMeasurement {

    /** Unique, stable, short: what {@code -Dunify.bench.scenarios} selects. */
    String name();

    /**
     * Sets up, runs the job (reading the server's CPU with {@code cpu} around it), checks what it did and cleans up.
     * Returns the report lines; throws when the job did not do what a working server does.
     */
    List<String> run(BenchContext context, CpuSampler cpu) throws Exception;
}
