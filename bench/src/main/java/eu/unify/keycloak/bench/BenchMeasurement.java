package eu.unify.keycloak.bench;

/** One timed job of a {@link BulkMeasurement}: its result, wall time and the server's CPU time during it. */
public record BenchMeasurement<T>(T result, long wallNanos, long cpuNanos) {

    /** A job to measure. */
    @FunctionalInterface
    public interface Job<T> {
        T run() throws Exception;
    }

    public static <T> BenchMeasurement<T> of(CpuSampler cpu, Job<T> job) throws Exception {
        long cpuBefore = cpu.cpuNanos();
        long started = System.nanoTime();
        T result = job.run();
        long wall = System.nanoTime() - started;
        return new BenchMeasurement<>(result, wall, cpu.cpuNanos() - cpuBefore);
    }
}
