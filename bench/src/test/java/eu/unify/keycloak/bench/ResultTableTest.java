package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static ScenarioResult result(String name, String baseline, long cpuNanos, long... latencyMillis) {
        ScenarioResult result = new ScenarioResult(name, Optional.ofNullable(baseline), "what " + name + " does");
        long[] nanos = new long[latencyMillis.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = latencyMillis[i] * 1_000_000;
        }
        result.addBatch(cpuNanos, nanos);
        return result;
    }

    @Test
    void cpuPerStepRatioAndExtraAgainstTheBaseline() {
        ScenarioResult stock = result("stock-login", null, 120_000_000, 40, 50, 60, 70);
        ScenarioResult unify = result("unify-thing", "stock-login", 180_000_000, 10, 20, 30, 40);

        String table = ResultTable.format(List.of(stock, unify));

        assertThat(table.lines().toList()).startsWith(
                "| scenario    | baseline    | steps | CPU ms/step |  +- | p50 ms | p95 ms | ratio | extra CPU ms/step"
                        + " | x stock-login |",
                "| ----------- | ----------- | ----- | ----------- | --- | ------ | ------ | ----- | -----------------"
                        + " | ------------- |",
                "| stock-login | -           |     4 |       30.00 | n/a |   50.0 |   70.0 |     - |                 -"
                        + " |          1.00 |",
                "| unify-thing | stock-login |     4 |       45.00 | n/a |   20.0 |   40.0 |  1.50 |            +15.00"
                        + " |          1.50 |");
        assertThat(table).contains("stock-login: what stock-login does\n", "unify-thing: what unify-thing does\n");
    }

    @Test
    void theLastColumnComparesEveryRowWithTheFirstBaselineFreeScenario() {
        String table = ResultTable.format(List.of(result("stock-login", null, 40_000_000, 1),
                result("stock-otp-check", "stock-login", 4_000_000, 1),
                result("unify-code-check", "stock-otp-check", 6_000_000, 1)));

        assertThat(table.lines().toList().get(4)).startsWith("| unify-code-check | stock-otp-check |")
                .endsWith("|  1.50 |             +2.00 |          0.15 |");
    }

    @Test
    void aCheaperScenarioShowsANegativeExtra() {
        String table = ResultTable.format(List.of(result("base", null, 10_000_000, 1),
                result("cheap", "base", 2_500_000, 1)));

        assertThat(table).contains("|  0.25 |", "-7.50 |");
    }

    @Test
    void batchesAddUp() {
        ScenarioResult result = new ScenarioResult("s", Optional.empty(), "d");
        result.addBatch(30_000_000, new long[] {1_000_000, 2_000_000});
        result.addBatch(10_000_000, new long[] {3_000_000, 4_000_000});

        assertThat(result.steps()).isEqualTo(4);
        assertThat(result.batches()).isEqualTo(2);
        assertThat(result.cpuMillisPerStep()).isEqualTo(10.0);
        assertThat(result.latencyMillis(50)).isEqualTo(2.0);
        // Batches at 15 and 5 ms per step: standard deviation 7.07, over the square root of 2.
        assertThat(result.cpuMillisStandardError()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aBaselineThatDidNotRunGivesNoRatio() {
        ScenarioResult orphan = result("orphan", "missing", 10_000_000, 1);
        ScenarioResult unmeasured = new ScenarioResult("unmeasured", Optional.empty(), "never ran");

        String table = ResultTable.format(List.of(unmeasured, orphan));

        assertThat(table).contains("| unmeasured | -        |     0 |         n/a | n/a |    n/a |    n/a |")
                .contains("| orphan     | missing  |     1 |       10.00 | n/a |    1.0 |    1.0 |     - |");
    }
}
