package eu.unify.keycloak.bench;

import java.util.Arrays;

/** Latency percentiles by the nearest-rank method over all measured steps of a scenario. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /**
     * The smallest value such that at least {@code percent}% of the values are at most it.
     *
     * @param percent above 0, at most 100
     */
    public long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], not " + percent);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public int count() {
        return sorted.length;
    }
}
