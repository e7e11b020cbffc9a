package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverUnsortedValues() {
        Percentiles p = new Percentiles(new long[] {50, 10, 40, 20, 30, 100, 90, 80, 70, 60});

        assertThat(p.percentile(50)).isEqualTo(50);
        assertThat(p.percentile(95)).isEqualTo(100);
        assertThat(p.percentile(90)).isEqualTo(90);
        assertThat(p.percentile(10)).isEqualTo(10);
        assertThat(p.percentile(100)).isEqualTo(100);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    void oneValueIsEveryPercentile() {
        Percentiles p = new Percentiles(new long[] {7});

        assertThat(p.percentile(0.1)).isEqualTo(7);
        assertThat(p.percentile(50)).isEqualTo(7);
        assertThat(p.percentile(100)).isEqualTo(7);
    }

    @Test
    void doesNotSortTheCallersArray() {
        long[] values = {3, 1, 2};
        new Percentiles(values).percentile(50);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void refusesPercentsOutsideTheRangeAndEmptyInput() {
        assertThatThrownBy(() -> new Percentiles(new long[] {1}).percentile(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(new long[] {1}).percentile(101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(new long[0]).percentile(50)).isInstanceOf(IllegalStateException.class);
    }
}
