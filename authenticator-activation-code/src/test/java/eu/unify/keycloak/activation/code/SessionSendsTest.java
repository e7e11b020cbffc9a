package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionSendsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final CodePolicy POLICY = CodePolicy.defaults(CodeKind.SESSION);

    @Test
    void afterKeepsTheSendsInsideTheWindowOldestFirstAndAppendsTheNewOne() {
        Instant old = NOW.minus(Duration.ofHours(1));
        Instant a = NOW.minus(Duration.ofMinutes(30));
        Instant b = NOW.minus(Duration.ofMinutes(5));

        SessionSends sends = SessionSends.after(List.of(b, old, a), NOW);

        assertThat(sends.sends()).containsExactly(a, b, NOW);
    }

    @Test
    void encodeAndDecodeKeepEveryMillisecond() {
        SessionSends sends = SessionSends.after(List.of(NOW.minusMillis(61_001)), NOW);

        assertThat(SessionSends.decode(sends.encode())).contains(sends);
    }

    @Test
    void aMissingOrDamagedNoteDecodesToNothing() {
        assertThat(SessionSends.decode(null)).isEmpty();
        assertThat(SessionSends.decode(" ")).isEmpty();
        assertThat(SessionSends.decode("123,abc")).isEmpty();
        assertThat(SessionSends.decode(",")).isEmpty();
    }

    @Test
    void theSendsCountWhileTheSessionsCodeIsTheNewest() {
        SessionSends sends = SessionSends.after(List.of(NOW.minusSeconds(90)), NOW);

        assertThat(sends.ifCurrent(Optional.of(code(NOW)))).contains(List.of(NOW.minusSeconds(90), NOW));
    }

    @Test
    void aCodeSentSinceOrNoCodeAtAllMeansTheSendLogMustBeRead() {
        SessionSends sends = SessionSends.after(List.of(), NOW);

        // Another session sent a newer code: its send is not among these.
        assertThat(sends.ifCurrent(Optional.of(code(NOW.plusSeconds(70))))).isEmpty();
        // The session's code was replaced by one sent before its own note was written (clock skew between nodes).
        assertThat(sends.ifCurrent(Optional.of(code(NOW.minusMillis(1))))).isEmpty();
        assertThat(sends.ifCurrent(Optional.empty())).isEmpty();
    }

    @Test
    void theThrottleDecidesOnTheKnownSendsAsOnTheSendLog() {
        List<Instant> log = List.of(NOW.minusSeconds(3000), NOW.minusSeconds(2000), NOW.minusSeconds(1000),
                NOW.minusSeconds(500));
        SessionSends sends = SessionSends.after(log, NOW);
        Instant later = NOW.plusSeconds(20);
        ResendThrottle throttle = ResendThrottle.of(POLICY);

        List<Instant> known = sends.ifCurrent(Optional.of(code(NOW))).orElseThrow();

        assertThat(throttle.decide(known, later)).isEqualTo(throttle.decide(
                List.of(NOW.minusSeconds(3000), NOW.minusSeconds(2000), NOW.minusSeconds(1000), NOW.minusSeconds(500),
                        NOW), later));
        assertThat(throttle.decide(known, later).verdict()).isEqualTo(ResendThrottle.Verdict.HOURLY_CAP);
    }

    private static StoredCode code(Instant createdAt) {
        return StoredCode.issue("c1", CodePurpose.RESET_CREDENTIALS, "user-1", new HashedCode("kid", "hash"),
                createdAt, POLICY);
    }
}
