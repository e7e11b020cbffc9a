package eu.unify.keycloak.bench;

import java.util.Arrays;

/**
 * The Mann–Whitney U test (Wilcoxon rank-sum) of two independent samples, two-sided, with the normal approximation
 * (tie-corrected variance, continuity correction): whether one sample tends to be larger than the other, without
 * assuming a distribution. Latencies are skewed and heavy-tailed, which is why a rank test rather than a t-test. For
 * samples of a few hundred the approximation is accurate far below p = 0.001.
 *
 * @param u the U statistic of the first sample (how often one of its values exceeds one of the second's; ties half)
 * @param z the standardised statistic, positive when the first sample tends to be larger
 * @param p the two-sided p-value
 */
public record RankTest(double u, double z, double p) {

    /** Tests {@code first} against {@code second}; each needs at least one value. */
    public static RankTest of(double[] first, double[] second) {
        int n1 = first.length;
        int n2 = second.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need values");
        }
        int n = n1 + n2;
        double[][] all = new double[n][];
        for (int i = 0; i < n1; i++) {
            all[i] = new double[] {first[i], 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new double[] {second[i], 1};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSumFirst = 0;
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            long ties = j - i + 1;
            tieTerm += (double) ties * ties * ties - ties;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 0) {
                    rankSumFirst += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumFirst - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (variance <= 0) {
            return new RankTest(u, 0, 1);
        }
        double distance = Math.max(0, Math.abs(u - mean) - 0.5);
        double z = Math.copySign(distance / Math.sqrt(variance), u - mean);
        double p = Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
        return new RankTest(u, z, p);
    }

    /** The median of the values (mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The complementary error function, by the Chebyshev fit of Numerical Recipes (fractional error below 1.2e-7
     * everywhere), so p-values far in the tail keep their relative accuracy.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
