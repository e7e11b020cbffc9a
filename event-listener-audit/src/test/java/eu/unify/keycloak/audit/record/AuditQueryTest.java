package eu.unify.keycloak.audit.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void defaults() {
        AuditQuery query = parse(null, null, null, null, null);
        assertThat(query.from()).isNull();
        assertThat(query.to()).isNull();
        assertThat(query.types()).isEmpty();
        assertThat(query.first()).isZero();
        assertThat(query.max()).isEqualTo(AuditQuery.DEFAULT_PAGE);
    }

    @Test
    void instantsAndDates() {
        AuditQuery query = parse("2026-11-30T08:15:00Z", "2026-12-01", null, null, null);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z").toEpochMilli());
        // A date as 'to' includes that whole day.
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z").toEpochMilli());
        assertThat(parse("2026-11-30", null, null, null, null).from())
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z").toEpochMilli());
    }

    @Test
    void typesRepeatedOrCommaSeparated() {
        AuditQuery query = AuditQuery.parse(null, null, List.of("LOGIN, LOGIN_ERROR", "ADMIN_USER_CREATE", "LOGIN"),
                " anna ", "app", null, null, 100, 500);
        assertThat(query.types()).containsExactly("LOGIN", "LOGIN_ERROR", "ADMIN_USER_CREATE");
        assertThat(query.user()).isEqualTo("anna");
        assertThat(query.client()).isEqualTo("app");
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertBad(() -> parse("yesterday", null, null, null, null), "'from' must be a date");
        assertBad(() -> parse(null, "2026-13-01", null, null, null), "'to' must be a date");
        assertBad(() -> parse("2026-11-30", "2026-11-01", null, null, null), "'from' must be before 'to'");
        assertBad(() -> parse(null, null, null, "-1", null), "'first' must be between 0");
        assertBad(() -> parse(null, null, null, null, "501"), "'max' must be between 1 and 500");
        assertBad(() -> parse(null, null, null, null, "0"), "'max' must be between 1 and 500");
        assertBad(() -> parse(null, null, null, null, "99999999999999999999"), "'max' must be a whole number");
        assertBad(() -> parse(null, null, null, null, "ten"), "'max' must be a whole number");
        assertBad(() -> parse(null, null, List.of("login; drop table"), null, null), "'type' must be event type");
        assertBad(() -> AuditQuery.parse(null, null, null, "u".repeat(300), null, null, null, 100, 500),
                "'user' is longer");
    }

    @Test
    void exportAllowsLargerPages() {
        AuditQuery query = AuditQuery.parse(null, null, null, null, null, null, null, AuditQuery.MAX_EXPORT,
                AuditQuery.MAX_EXPORT);
        assertThat(query.max()).isEqualTo(AuditQuery.MAX_EXPORT);
        assertThat(query.withOneMore().max()).isEqualTo(AuditQuery.MAX_EXPORT + 1);
    }

    private static AuditQuery parse(String from, String to, List<String> types, String first, String max) {
        return AuditQuery.parse(from, to, types, null, null, first, max, AuditQuery.DEFAULT_PAGE, AuditQuery.MAX_PAGE);
    }

    private static void assertBad(Runnable parse, String message) {
        assertThatThrownBy(parse::run).isInstanceOf(AuditQuery.InvalidQueryException.class).hasMessageContaining(message);
    }
}
