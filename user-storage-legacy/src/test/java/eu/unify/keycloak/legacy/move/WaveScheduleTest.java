package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaveScheduleTest {

    @Test
    void nothingConfiguredEnablesNothing() {
        WaveSchedule waves = WaveSchedule.parse(List.of());
        assertThat(waves.isEmpty()).isTrue();
        assertThat(waves.status("1", Instant.now())).isEqualTo(WaveSchedule.Status.NOT_ENABLED);
        assertThat(WaveSchedule.parse(null).isEmpty()).isTrue();
    }

    @Test
    void aWaveWithoutDeadlineIsOptionalForever() {
        WaveSchedule waves = WaveSchedule.parse(List.of(" 1 "));
        assertThat(waves.status("1", Instant.parse("2099-01-01T00:00:00Z"))).isEqualTo(WaveSchedule.Status.OPTIONAL);
        assertThat(waves.status("2", Instant.now())).isEqualTo(WaveSchedule.Status.NOT_ENABLED);
        assertThat(waves.status(null, Instant.now())).isEqualTo(WaveSchedule.Status.NOT_ENABLED);
    }

    @Test
    void aDateDeadlineIsMandatoryFromTheStartOfTheNextDayUtc() {
        WaveSchedule waves = WaveSchedule.parse(List.of("Phase B=2026-03-31"));
        assertThat(waves.status("phase b", Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo(WaveSchedule.Status.OPTIONAL);
        assertThat(waves.status("Phase B", Instant.parse("2026-04-01T00:00:00Z")))
                .isEqualTo(WaveSchedule.Status.MANDATORY);
        assertThat(waves.wave("PHASE B").orElseThrow().lastOptionalDay()).contains(LocalDate.of(2026, 3, 31));
    }

    @Test
    void anInstantDeadlineIsMandatoryFromThatInstant() {
        WaveSchedule waves = WaveSchedule.parse(List.of("2=2026-03-31T12:00:00Z", "3=2026-03-31T12:00:00+02:00"));
        assertThat(waves.status("2", Instant.parse("2026-03-31T11:59:59Z"))).isEqualTo(WaveSchedule.Status.OPTIONAL);
        assertThat(waves.status("2", Instant.parse("2026-03-31T12:00:00Z"))).isEqualTo(WaveSchedule.Status.MANDATORY);
        assertThat(waves.status("3", Instant.parse("2026-03-31T10:00:00Z"))).isEqualTo(WaveSchedule.Status.MANDATORY);
        assertThat(waves.wave("2").orElseThrow().lastOptionalDay()).contains(LocalDate.of(2026, 3, 31));
        assertThat(WaveSchedule.parse(List.of("4=2026-04-01T00:00:00Z")).wave("4").orElseThrow().lastOptionalDay())
                .as("midnight: the day before is the last").contains(LocalDate.of(2026, 3, 31));
    }

    @Test
    void severalEntriesMayShareOneValue() {
        WaveSchedule waves = WaveSchedule.parse(List.of("1##2=2026-01-01", "3, 4\n5;6"));
        for (String wave : List.of("1", "2", "3", "4", "5", "6")) {
            assertThat(waves.wave(wave)).as(wave).isPresent();
        }
        assertThat(waves.problems()).isEmpty();
    }

    @Test
    void unreadableEntriesEnableNothingAndAreNamed() {
        WaveSchedule waves = WaveSchedule.parse(List.of("7=next friday", "=2026-01-01", "8", "8=2026-01-01"));
        assertThat(waves.wave("7")).isEmpty();
        assertThat(waves.wave("8").orElseThrow().mandatoryFrom()).as("the first entry counts").isEmpty();
        assertThat(waves.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("'7'").contains("next friday").contains("ISO date"))
                .anySatisfy(p -> assertThat(p).contains("names no wave"))
                .anySatisfy(p -> assertThat(p).contains("listed twice"));
    }
}
