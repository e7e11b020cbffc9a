package eu.unify.keycloak.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SealerReadingTest {

    @Test
    void percentilesOfTheRecordsSealedBetweenTwoReadings() {
        SealerReading before = SealerReading.parse(100, 5_000, "<=10:50,<=500:50,<=1000:0,>:0");
        SealerReading after = SealerReading.parse(1100, 25_000, "<=10:50,<=500:940,<=1000:105,>:5");
        SealerReading run = after.since(before);
        assertThat(run.sealed()).isEqualTo(1000);
        assertThat(run.lagAtMost(0.5)).isEqualTo(500);
        assertThat(run.lagAtMost(0.99)).isEqualTo(1000);
        assertThat(run.lagAtMost(1.0)).isEqualTo(Long.MAX_VALUE);
        assertThat(run.describe()).contains("1,000 records sealed", "20.0 us per record", "p99 <= 1000 ms");
    }

    @Test
    void aServerWithoutCountersSaysSo() {
        assertThat(SealerReading.parse(-1, -1, "").describe()).contains("no counters");
    }
}
