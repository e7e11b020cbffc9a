package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankTestTest {

    @Test
    void complementaryErrorFunctionMatchesKnownValues() {
        assertThat(RankTest.erfc(0)).isCloseTo(1, within(1e-7));
        assertThat(RankTest.erfc(1)).isCloseTo(0.157299207, within(1e-7));
        assertThat(RankTest.erfc(3)).isCloseTo(2.209049700e-5, within(1e-11));
        assertThat(RankTest.erfc(-1)).isCloseTo(1.842700793, within(1e-7));
    }

    @Test
    void aSmallTextbookExample() {
        // First sample all below the second: U = 0; with n1 = n2 = 5, mean 12.5, sd sqrt(25 * 11 / 12) = 4.787,
        // z = -(12.5 - 0.5) / 4.787 = -2.507, two-sided p = 0.0122 (normal approximation, continuity corrected).
        RankTest test = RankTest.of(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertThat(test.u()).isEqualTo(0);
        assertThat(test.z()).isCloseTo(-2.5067, within(1e-3));
        assertThat(test.p()).isCloseTo(0.0122, within(1e-3));
    }

    @Test
    void identicalSamplesShowNoDifference() {
        RankTest test = RankTest.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        assertThat(test.u()).isEqualTo(8);
        assertThat(test.p()).isCloseTo(1, within(1e-9));
    }

    @Test
    void tiesGetTheirAverageRank() {
        RankTest test = RankTest.of(new double[] {1, 1, 1}, new double[] {1, 1, 1});
        assertThat(test.p()).isEqualTo(1);
        assertThat(RankTest.of(new double[] {1, 2, 2}, new double[] {2, 3, 3}).u()).isEqualTo(1);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(RankTest.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(RankTest.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
