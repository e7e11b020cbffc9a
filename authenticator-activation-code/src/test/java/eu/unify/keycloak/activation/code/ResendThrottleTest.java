package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.unify.keycloak.activation.code.ResendThrottle.Decision;
import eu.unify.keycloak.activation.code.ResendThrottle.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResendThrottleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final ResendThrottle throttle = ResendThrottle.of(CodePolicy.defaults(CodeKind.SESSION));

    @Test
    void firstSendIsAllowed() {
        Decision decision = throttle.decide(List.of(), T0);
        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.waitSeconds()).isZero();
        assertThat(decision.retryAt()).isEqualTo(T0);
    }

    @Test
    void cooldownCountsDownAfterASend() {
        Decision decision = throttle.decide(List.of(T0), T0.plusSeconds(15));
        assertThat(decision.verdict()).isEqualTo(Verdict.COOLDOWN);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.waitSeconds()).isEqualTo(45);
        assertThat(decision.retryAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void cooldownEndsExactlyAfterSixtySeconds() {
        assertThat(throttle.decide(List.of(T0), T0.plusSeconds(60).minusMillis(1)).verdict())
                .isEqualTo(Verdict.COOLDOWN);
        assertThat(throttle.decide(List.of(T0), T0.plusSeconds(60)).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void waitIsRoundedUpSoTheCountdownNeverShowsZeroTooEarly() {
        Decision decision = throttle.decide(List.of(T0), T0.plusMillis(59_001));
        assertThat(decision.waitSeconds()).isEqualTo(1);
        assertThat(throttle.decide(List.of(T0), T0.plusMillis(100)).waitSeconds()).isEqualTo(60);
    }

    @Test
    void cooldownIsMeasuredFromTheLatestSendWhateverTheOrder() {
        List<Instant> sends = List.of(T0.plusSeconds(200), T0, T0.plusSeconds(100));
        Decision decision = throttle.decide(sends, T0.plusSeconds(230));
        assertThat(decision.verdict()).isEqualTo(Verdict.COOLDOWN);
        assertThat(decision.waitSeconds()).isEqualTo(30);
    }

    @Test
    void fifthSendInAnHourIsAllowedTheSixthIsCapped() {
        List<Instant> sends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sends.add(T0.plus(Duration.ofMinutes(10L * i)));
        }
        assertThat(throttle.decide(sends, T0.plus(Duration.ofMinutes(40))).verdict()).isEqualTo(Verdict.ALLOWED);
        sends.add(T0.plus(Duration.ofMinutes(40)));

        Decision capped = throttle.decide(sends, T0.plus(Duration.ofMinutes(50)));
        assertThat(capped.verdict()).isEqualTo(Verdict.HOURLY_CAP);
        // Allowed again when the oldest of the five leaves the hour.
        assertThat(capped.retryAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(capped.waitSeconds()).isEqualTo(600);
    }

    @Test
    void capLiftsExactlyWhenTheOldestSendIsAnHourOld() {
        List<Instant> sends = fiveSendsTenMinutesApart();
        Instant lift = T0.plus(Duration.ofHours(1));
        assertThat(throttle.decide(sends, lift.minusNanos(1)).verdict()).isEqualTo(Verdict.HOURLY_CAP);
        assertThat(throttle.decide(sends, lift).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void capCountsTheMostRecentSendsNotTheOldest() {
        // Seven sends: the cap lifts when the third-newest-but-four (index 2) leaves the hour.
        List<Instant> sends = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sends.add(T0.plus(Duration.ofMinutes(5L * i)));
        }
        Decision decision = throttle.decide(sends, T0.plus(Duration.ofMinutes(35)));
        assertThat(decision.verdict()).isEqualTo(Verdict.HOURLY_CAP);
        assertThat(decision.retryAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(1)));
    }

    @Test
    void sendsOlderThanAnHourDoNotCount() {
        List<Instant> sends = new ArrayList<>(fiveSendsTenMinutesApart());
        Instant now = T0.plus(Duration.ofMinutes(95));
        assertThat(throttle.decide(sends, now).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(ResendThrottle.recentSends(sends, now)).containsExactly(
                T0.plus(Duration.ofMinutes(40)));
    }

    @Test
    void cooldownIsReportedWhenItOutlastsTheCap() {
        ResendThrottle slow = new ResendThrottle(Duration.ofMinutes(30), 2);
        List<Instant> sends = List.of(T0, T0.plus(Duration.ofMinutes(50)));
        Decision decision = slow.decide(sends, T0.plus(Duration.ofMinutes(55)));
        // Cap lifts at 11:00, cooldown at 11:20: the later one is what the user must wait for.
        assertThat(decision.verdict()).isEqualTo(Verdict.COOLDOWN);
        assertThat(decision.retryAt()).isEqualTo(T0.plus(Duration.ofMinutes(80)));
    }

    @Test
    void capIsReportedWhenItOutlastsTheCooldown() {
        List<Instant> sends = fiveSendsTenMinutesApart();
        Decision decision = throttle.decide(sends, T0.plus(Duration.ofMinutes(40)).plusSeconds(10));
        assertThat(decision.verdict()).isEqualTo(Verdict.HOURLY_CAP);
        assertThat(decision.retryAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void recentSendsAreSortedAndBoundedByTheWindow() {
        Instant now = T0.plus(Duration.ofHours(2));
        List<Instant> sends = Arrays.asList(now.minusSeconds(10), now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1)).plusNanos(1), now.minusSeconds(3000));
        assertThat(ResendThrottle.recentSends(sends, now)).containsExactly(
                now.minus(Duration.ofHours(1)).plusNanos(1), now.minusSeconds(3000), now.minusSeconds(10));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new ResendThrottle(Duration.ofSeconds(-1), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResendThrottle(Duration.ofSeconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle.decide(Arrays.asList(T0, null), T0))
                .isInstanceOf(NullPointerException.class);
    }

    private static List<Instant> fiveSendsTenMinutesApart() {
        List<Instant> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(T0.plus(Duration.ofMinutes(10L * i)));
        }
        return sends;
    }
}
