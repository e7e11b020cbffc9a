package eu.unify.keycloak.legacy.progress;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/** Why a legacy store gave no totals, in a sentence for the admin: too slow, unreachable, or a failing query. */
final class StoreFailure {

    private StoreFailure() {
    }

    static String describe(Throwable failure) {
        return describe(failure, "count by wave");
    }

    static String describe(Throwable failure, String queryName) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        String state = cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        // 57014: PostgreSQL's "query cancelled" (its statement timeout); HYT00: SQL Server's timeout.
        if (cause instanceof SQLTimeoutException || state.equals("57014") || state.equals("HYT00")) {
            return "The legacy database did not answer in time.";
        }
        if (state.startsWith("08")) {
            return "The legacy database cannot be reached: " + cause.getMessage();
        }
        return "The query '" + queryName + "' failed: " + cause.getMessage();
    }
}
