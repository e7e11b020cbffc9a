package eu.unify.keycloak.activation.code;

import static eu.unify.keycloak.activation.code.CodePolicy.CONFIG_LENGTH;
import static eu.unify.keycloak.activation.code.CodePolicy.CONFIG_LIFETIME_MINUTES;
import static eu.unify.keycloak.activation.code.CodePolicy.CONFIG_MAX_ATTEMPTS;
import static eu.unify.keycloak.activation.code.CodePolicy.CONFIG_MAX_SENDS_PER_HOUR;
import static eu.unify.keycloak.activation.code.CodePolicy.CONFIG_RESEND_COOLDOWN_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodePolicyTest {

    @Test
    void sessionDefaultsAreEightDigitsTenMinutesFiveTries() {
        CodePolicy policy = CodePolicy.defaults(CodeKind.SESSION);
        assertThat(policy.kind()).isEqualTo(CodeKind.SESSION);
        assertThat(policy.length()).isEqualTo(8);
        assertThat(policy.lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.resendCooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.maxSendsPerHour()).isEqualTo(5);
    }

    @Test
    void accountDefaultsAreFourteenSymbolsSevenDays() {
        CodePolicy policy = CodePolicy.defaults(CodeKind.ACCOUNT);
        assertThat(policy.kind()).isEqualTo(CodeKind.ACCOUNT);
        assertThat(policy.length()).isEqualTo(14);
        assertThat(policy.lifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.resendCooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.maxSendsPerHour()).isEqualTo(5);
    }

    @Test
    void acceptsEveryBoundItself() {
        new CodePolicy(CodeKind.SESSION, 6, Duration.ofMinutes(1), 1, Duration.ofSeconds(10), 1);
        new CodePolicy(CodeKind.SESSION, 12, Duration.ofHours(1), 10, Duration.ofHours(1), 20);
        new CodePolicy(CodeKind.ACCOUNT, 13, Duration.ofHours(1), 1, Duration.ofSeconds(10), 1);
        CodePolicy longest = new CodePolicy(CodeKind.ACCOUNT, 20, Duration.ofDays(30), 10, Duration.ofHours(1), 20);
        assertThat(longest.lifetime()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void rejectsLengthsOutsideTheKind() {
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 5, Duration.ofMinutes(10), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 6 and 12").hasMessageContaining("5");
        assertThatThrownBy(() -> policy(CodeKind.ACCOUNT, 12, Duration.ofDays(7), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 13 and 20");
    }

    @Test
    void rejectsLifetimesOutsideTheKindWithReadableUnits() {
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofSeconds(59), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifetime").hasMessageContaining("1 minute").hasMessageContaining("1 hour");
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(61), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("61 minutes");
        assertThatThrownBy(() -> policy(CodeKind.ACCOUNT, 14, Duration.ofMinutes(59), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(CodeKind.ACCOUNT, 14, Duration.ofDays(31), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 days");
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(-10), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAttemptsOutsideOneToTen() {
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 0, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts")
                .hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 11, Duration.ofSeconds(60), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 11");
    }

    @Test
    void rejectsCooldownOutsideTenSecondsToAnHour() {
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 5, Duration.ofSeconds(9), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resendCooldown");
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 5, Duration.ofMinutes(61), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resendCooldown");
    }

    @Test
    void rejectsSendCapOutsideOneToTwenty() {
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 5, Duration.ofSeconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSendsPerHour");
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, Duration.ofMinutes(10), 5, Duration.ofSeconds(60), 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSendsPerHour");
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> policy(null, 8, Duration.ofMinutes(10), 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> policy(CodeKind.SESSION, 8, null, 5, Duration.ofSeconds(60), 5))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void fromConfigReadsEveryField() {
        Map<String, String> config = Map.of(
                CONFIG_LENGTH, "6",
                CONFIG_LIFETIME_MINUTES, "15",
                CONFIG_MAX_ATTEMPTS, "3",
                CONFIG_RESEND_COOLDOWN_SECONDS, "30",
                CONFIG_MAX_SENDS_PER_HOUR, "10");
        assertThat(CodePolicy.fromConfig(CodeKind.SESSION, config)).isEqualTo(
                new CodePolicy(CodeKind.SESSION, 6, Duration.ofMinutes(15), 3, Duration.ofSeconds(30), 10));
    }

    @Test
    void fromConfigReadsAccountLifetimeInMinutes() {
        CodePolicy policy = CodePolicy.fromConfig(CodeKind.ACCOUNT, Map.of(CONFIG_LIFETIME_MINUTES, "2880"));
        assertThat(policy.lifetime()).isEqualTo(Duration.ofDays(2));
        assertThat(policy.length()).isEqualTo(14);
    }

    @Test
    void fromConfigTrimsValues() {
        assertThat(CodePolicy.fromConfig(CodeKind.SESSION, Map.of(CONFIG_MAX_ATTEMPTS, "  3 ")).maxAttempts())
                .isEqualTo(3);
    }

    @Test
    void fromConfigWithNothingGivesDefaults() {
        assertThat(CodePolicy.fromConfig(CodeKind.SESSION, null)).isEqualTo(CodePolicy.defaults(CodeKind.SESSION));
        assertThat(CodePolicy.fromConfig(CodeKind.ACCOUNT, Map.of())).isEqualTo(CodePolicy.defaults(CodeKind.ACCOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "5 tries", "1.5", "-3", "0", "100000", "99999999999999999999", "0x05"})
    void fromConfigFallsBackToTheDefaultForUnusableValues(String value) {
        Map<String, String> config = new HashMap<>();
        config.put(CONFIG_MAX_ATTEMPTS, value);
        config.put(CONFIG_LENGTH, value);
        config.put(CONFIG_LIFETIME_MINUTES, value);
        config.put(CONFIG_RESEND_COOLDOWN_SECONDS, value);
        config.put(CONFIG_MAX_SENDS_PER_HOUR, value);
        assertThat(CodePolicy.fromConfig(CodeKind.SESSION, config)).isEqualTo(CodePolicy.defaults(CodeKind.SESSION));
        assertThat(CodePolicy.fromConfig(CodeKind.ACCOUNT, config)).isEqualTo(CodePolicy.defaults(CodeKind.ACCOUNT));
    }

    @Test
    void fromConfigKeepsGoodValuesBesideABadOne() {
        Map<String, String> config = new HashMap<>();
        config.put(CONFIG_LENGTH, "10");
        config.put(CONFIG_MAX_ATTEMPTS, "");
        config.put(CONFIG_LIFETIME_MINUTES, "100000");
        config.put(CONFIG_MAX_SENDS_PER_HOUR, null);
        CodePolicy policy = CodePolicy.fromConfig(CodeKind.SESSION, config);
        assertThat(policy.length()).isEqualTo(10);
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.maxSendsPerHour()).isEqualTo(5);
    }

    @Test
    void fromConfigAppliesTheBoundsOfTheKind() {
        // 12 is a fine session length but too weak for an account code.
        Map<String, String> config = Map.of(CONFIG_LENGTH, "12");
        assertThat(CodePolicy.fromConfig(CodeKind.SESSION, config).length()).isEqualTo(12);
        assertThat(CodePolicy.fromConfig(CodeKind.ACCOUNT, config).length()).isEqualTo(14);
    }

    @Test
    void parseStrictTreatsBlankAsDefault() {
        assertThat(CodePolicy.parseStrict(CodeKind.SESSION, Map.of(CONFIG_MAX_ATTEMPTS, " ")))
                .isEqualTo(CodePolicy.defaults(CodeKind.SESSION));
        assertThat(CodePolicy.parseStrict(CodeKind.SESSION, Map.of(CONFIG_MAX_ATTEMPTS, "7")).maxAttempts())
                .isEqualTo(7);
    }

    @Test
    void parseStrictNamesTheKeyOfANonNumericValue() {
        assertThatThrownBy(() -> CodePolicy.parseStrict(CodeKind.SESSION, Map.of(CONFIG_MAX_ATTEMPTS, "five")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CONFIG_MAX_ATTEMPTS).hasMessageContaining("whole number")
                .hasMessageContaining("'five'");
    }

    @Test
    void parseStrictNamesTheKeyAndRangeOfAnOutOfRangeValue() {
        assertThatThrownBy(() -> CodePolicy.parseStrict(CodeKind.ACCOUNT, Map.of(CONFIG_LIFETIME_MINUTES, "30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CONFIG_LIFETIME_MINUTES).hasMessageContaining("between 60 and 43200");
        assertThatThrownBy(() -> CodePolicy.parseStrict(CodeKind.SESSION,
                Map.of(CONFIG_RESEND_COOLDOWN_SECONDS, "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CONFIG_RESEND_COOLDOWN_SECONDS).hasMessageContaining("between 10 and 3600");
    }

    private static CodePolicy policy(CodeKind kind, int length, Duration lifetime, int attempts, Duration cooldown,
                                     int sends) {
        return new CodePolicy(kind, length, lifetime, attempts, cooldown, sends);
    }
}
