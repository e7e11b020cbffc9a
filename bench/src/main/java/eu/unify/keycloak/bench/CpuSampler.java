package eu.unify.keycloak.bench;

/** The server's CPU time so far; the driver reads it before and after every measured batch. */
@FunctionalInterface
public interface CpuSampler {

    /** CPU time (user + system, all threads) the server has used since it started, in nanoseconds. */
    long cpuNanos() throws Exception;
}
