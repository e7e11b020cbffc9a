package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** A real line of a Keycloak JVM (shortened after field 20): utime 41234, stime 1766. */
    private static final String JAVA = "4242 (java) S 4200 4242 4200 0 -1 1077936384 351806 0 3 0 41234 1766 0 0 20 0 "
            + "83 0 1203390 4890005504 140239 18446744073709551615";

    @Test
    void addsUserAndSystemTicks() {
        assertThat(ProcStat.cpuTicks(JAVA)).isEqualTo(41234 + 1766);
    }

    @Test
    void countsFieldsAfterTheLastParenthesisOfTheCommandName() {
        String odd = "77 (kc (x) sh) R 1 77 1 0 -1 4194560 120 0 0 0 15 7 0 0 20 0 1 0 99 1000 10 0";

        assertThat(ProcStat.cpuTicks(odd)).isEqualTo(22);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.cpuTicks("no parentheses here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.cpuTicks("1 (java) S 2 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplerReadsThisJvmsGrowingCpuTime() throws Exception {
        ProcessTreeCpuSampler sampler = new ProcessTreeCpuSampler(() -> List.of(ProcessHandle.current()), 100);
        long before = sampler.cpuNanos();
        long spin = System.nanoTime();
        long sink = 0;
        while (System.nanoTime() - spin < 300_000_000L) {
            sink += Long.numberOfTrailingZeros(System.nanoTime());
        }
        long after = sampler.cpuNanos();

        assertThat(sink).isPositive();
        assertThat(before).isPositive();
        assertThat(after).isGreaterThan(before);
    }
}
