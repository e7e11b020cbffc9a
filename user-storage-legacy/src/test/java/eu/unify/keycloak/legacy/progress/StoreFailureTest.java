package eu.unify.keycloak.legacy.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import org.junit.jupiter.api.Test;

class StoreFailureTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("legacy store query 'count by wave' failed", cause);
    }

    @Test
    void timeoutsOfEveryDriverReadAsNoAnswerInTime() {
        String inTime = "The legacy database did not answer in time.";
        assertThat(StoreFailure.describe(wrapped(new SQLTimeoutException("max_statement_time exceeded")))).isEqualTo(inTime);
        assertThat(StoreFailure.describe(wrapped(new SQLException("canceling statement", "57014")))).isEqualTo(inTime);
        assertThat(StoreFailure.describe(wrapped(new SQLException("timed out", "HYT00")))).isEqualTo(inTime);
    }

    @Test
    void connectionProblemsAndFailingQueriesSaySo() {
        assertThat(StoreFailure.describe(wrapped(new SQLException("Connection refused", "08001"))))
                .isEqualTo("The legacy database cannot be reached: Connection refused");
        assertThat(StoreFailure.describe(wrapped(new SQLException("relation \"legacy_users\" does not exist", "42P01"))))
                .isEqualTo("The query 'count by wave' failed: relation \"legacy_users\" does not exist");
    }
}
