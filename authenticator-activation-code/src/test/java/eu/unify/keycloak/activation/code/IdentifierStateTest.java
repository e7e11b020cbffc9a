package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IdentifierStateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final CodePolicy POLICY = CodePolicy.fromConfig(CodeKind.SESSION, Map.of(
            CodePolicy.CONFIG_RESEND_COOLDOWN_SECONDS, "60", CodePolicy.CONFIG_MAX_SENDS_PER_HOUR, "3",
            CodePolicy.CONFIG_MAX_ATTEMPTS, "5", CodePolicy.CONFIG_LIFETIME_MINUTES, "10"));

    @Test
    void nothingAskedYetAllowsASendAndAnswersAnyCodeAsExpired() {
        IdentifierState state = new IdentifierState(List.of());
        assertThat(state.throttle(POLICY, NOW).allowed()).isTrue();
        IdentifierState.WrongCode wrong = state.wrongCode(POLICY, NOW);
        assertThat(wrong.result().outcome()).isEqualTo(CodeCheck.Outcome.NO_CODE);
        assertThat(wrong.countOn()).isEmpty();
    }

    @Test
    void theCooldownRunsFromTheNewestSend() {
        IdentifierState state = new IdentifierState(List.of(request("b", 20, 0), request("a", 100, 0)));
        ResendThrottle.Decision decision = state.throttle(POLICY, NOW);
        assertThat(decision.verdict()).isEqualTo(ResendThrottle.Verdict.COOLDOWN);
        assertThat(decision.waitSeconds()).isEqualTo(40);
        assertThat(state.newest()).map(IdentifierState.Request::id).hasValue("b");
    }

    @Test
    void theHourlyCapCountsEverySendOfTheIdentifier() {
        IdentifierState state = new IdentifierState(List.of(request("a", 300, 0), request("b", 200, 0),
                request("c", 100, 0)));
        assertThat(state.throttle(POLICY, NOW).verdict()).isEqualTo(ResendThrottle.Verdict.HOURLY_CAP);
    }

    @Test
    void wrongCodesCountDownOnTheNewestSendThenVoidIt() {
        assertThat(wrongAfter(0).result().outcome()).isEqualTo(CodeCheck.Outcome.WRONG);
        assertThat(wrongAfter(0).result().attemptsLeft()).isEqualTo(4);
        assertThat(wrongAfter(0).countOn()).map(IdentifierState.Request::id).hasValue("live");
        assertThat(wrongAfter(3).result().attemptsLeft()).isEqualTo(1);
        assertThat(wrongAfter(4).result().outcome()).as("the fifth wrong try voids")
                .isEqualTo(CodeCheck.Outcome.EXHAUSTED);
        assertThat(wrongAfter(4).countOn()).isPresent();
        assertThat(wrongAfter(5).result().outcome()).isEqualTo(CodeCheck.Outcome.EXHAUSTED);
        assertThat(wrongAfter(5).countOn()).as("nothing more to count").isEmpty();
    }

    @Test
    void aCodeOlderThanItsLifetimeHasExpired() {
        IdentifierState state = new IdentifierState(List.of(request("old", 600, 0)));
        assertThat(state.wrongCode(POLICY, NOW).result().outcome()).isEqualTo(CodeCheck.Outcome.EXPIRED);
        IdentifierState fresh = new IdentifierState(List.of(request("new", 599, 0)));
        assertThat(fresh.wrongCode(POLICY, NOW).result().outcome()).isEqualTo(CodeCheck.Outcome.WRONG);
    }

    private static IdentifierState.WrongCode wrongAfter(int attempts) {
        return new IdentifierState(List.of(request("older", 200, 5), request("live", 100, attempts)))
                .wrongCode(POLICY, NOW);
    }

    private static IdentifierState.Request request(String id, long secondsAgo, int attempts) {
        return new IdentifierState.Request(id, NOW.minus(Duration.ofSeconds(secondsAgo)), attempts);
    }
}
