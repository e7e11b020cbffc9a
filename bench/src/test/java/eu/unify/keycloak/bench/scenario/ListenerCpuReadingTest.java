package eu.unify.keycloak.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ListenerCpuReadingTest {

    @Test
    void averagesTheMeasuredBatchesPerEventLeavingOutTheWarmUp() {
        List<ListenerCpuReading> readings = List.of(
                new ListenerCpuReading(0, 0, 0, 0),
                // after the warm-up: 1000 events at 1 ms each, not measured; every other event recorded
                new ListenerCpuReading(1000, 500, 1_000_000, 50_000),
                new ListenerCpuReading(1060, 530, 1_012_000, 50_600),
                new ListenerCpuReading(1120, 560, 1_030_000, 51_800));

        assertThat(ListenerCpuReading.perEventOfMeasuredBatches(readings))
                .startsWith("listener thread CPU per event over 2 measured batches: own work 250 us (+- 50), i.e."
                        + " 500 us (+- 100) per record appended, plus 15 us (+- 5) per event flushing");
    }

    @Test
    void saysSoWhenTheServerHasNoCounters() {
        List<ListenerCpuReading> readings = List.of(new ListenerCpuReading(-1, -1, -1, -1),
                new ListenerCpuReading(-1, -1, -1, -1), new ListenerCpuReading(-1, -1, -1, -1));

        assertThat(ListenerCpuReading.perEventOfMeasuredBatches(readings)).contains("not measured");
    }
}
