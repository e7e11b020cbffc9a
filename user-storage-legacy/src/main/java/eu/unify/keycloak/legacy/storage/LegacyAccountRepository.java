package eu.unify.keycloak.legacy.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads legacy accounts with the admin's queries over the pool. Every failure to reach or query the database
 * becomes a {@link LegacyStoreUnavailableException}; its message names the query, never a value.
 */
final class LegacyAccountRepository {

    static final String PARAM_USERNAME = "username";
    static final String PARAM_EMAIL = "email";
    static final String PARAM_LIMIT = "limit";
    static final String PARAM_OFFSET = "offset";
    static final String COUNT_WAVE = "wave";
    static final String COUNT_TOTAL = "total";
    static final String COUNT_DISABLED = "disabled";
    static final String PARAM_MAIN_ACCOUNT = "main_account";
    /** More sub-accounts than this for one main account is a data error, not a company. */
    static final int MAX_SUB_ACCOUNTS = 1000;

    private final ConnectionPool pool;
    private final int queryTimeoutSeconds;

    LegacyAccountRepository(ConnectionPool pool, int queryTimeoutSeconds) {
        this.pool = pool;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    Optional<LegacyAccount> findByUsername(String sql, String username) {
        NamedSql query = NamedSql.parse(sql, Set.of(PARAM_USERNAME));
        List<LegacyAccount> found = run("find by username", query, Map.of(PARAM_USERNAME, username), 2);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    Optional<LegacyAccount> findByEmail(String sql, String email) {
        if (sql == null || sql.isBlank()) {
            return Optional.empty();
        }
        NamedSql query = NamedSql.parse(sql, Set.of(PARAM_EMAIL));
        List<LegacyAccount> found = run("find by email", query, Map.of(PARAM_EMAIL, email), 2);
        // Two legacy accounts with one address cannot be told apart by email: they sign in by username.
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    List<LegacyAccount> page(String sql, int offset, int limit) {
        NamedSql query = NamedSql.parse(sql, Set.of(PARAM_LIMIT, PARAM_OFFSET));
        return run("list all", query, Map.of(PARAM_LIMIT, limit, PARAM_OFFSET, offset), limit);
    }

    /**
     * Legacy accounts per wave, by the admin's "count by wave" query (columns {@code wave} and {@code total}, and
     * optionally {@code disabled}); the key is null for accounts without a wave. Rows whose waves read the same are
     * added up.
     */
    WaveCounts countByWave(String sql) {
        NamedSql query = NamedSql.parse(sql, Set.of());
        try (ConnectionPool.Lease lease = pool.borrow()) {
            try (PreparedStatement statement = prepare(lease.connection(), query, Map.of(), 10_000);
                 ResultSet rows = statement.executeQuery()) {
                boolean withDisabled = hasColumn(rows, COUNT_DISABLED);
                Map<String, Long> totals = new java.util.LinkedHashMap<>();
                Map<String, Long> disabled = new java.util.LinkedHashMap<>();
                while (rows.next()) {
                    Object wave = rows.getObject(COUNT_WAVE);
                    String key = wave == null || wave.toString().isBlank() ? null : wave.toString().trim();
                    totals.merge(key, rows.getLong(COUNT_TOTAL), Long::sum);
                    if (withDisabled) {
                        disabled.merge(key, rows.getLong(COUNT_DISABLED), Long::sum);
                    }
                }
                return new WaveCounts(totals, disabled);
            } catch (SQLException e) {
                lease.markBroken();
                throw e;
            }
        } catch (SQLException e) {
            throw new LegacyStoreUnavailableException("legacy store query 'count by wave' failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static boolean hasColumn(ResultSet rows, String label) throws SQLException {
        java.sql.ResultSetMetaData meta = rows.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (label.equalsIgnoreCase(meta.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }

    /** The sub-accounts of one main account (its legacy username), at most {@value #MAX_SUB_ACCOUNTS}. */
    List<LegacyAccount> subAccounts(String sql, String mainAccount) {
        NamedSql query = NamedSql.parse(sql, Set.of(PARAM_MAIN_ACCOUNT));
        return run("sub-accounts", query, Map.of(PARAM_MAIN_ACCOUNT, mainAccount), MAX_SUB_ACCOUNTS);
    }

    /** Runs a query without rows of interest and returns the column labels it produces. */
    List<String> columnsOf(String queryName, NamedSql query, Map<String, Object> values) {
        try (ConnectionPool.Lease lease = pool.borrow()) {
            try (PreparedStatement statement = prepare(lease.connection(), query, values, 1);
                 ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i));
                }
                return labels;
            } catch (SQLException e) {
                lease.markBroken();
                throw e;
            }
        } catch (SQLException e) {
            throw new LegacyStoreUnavailableException(queryName + ": " + e.getMessage(), e);
        }
    }

    private List<LegacyAccount> run(String queryName, NamedSql query, Map<String, Object> values, int maxRows) {
        try (ConnectionPool.Lease lease = pool.borrow()) {
            try (PreparedStatement statement = prepare(lease.connection(), query, values, maxRows);
                 ResultSet rows = statement.executeQuery()) {
                return read(rows);
            } catch (SQLException e) {
                lease.markBroken();
                throw e;
            }
        } catch (SQLException e) {
            throw new LegacyStoreUnavailableException("legacy store query '" + queryName + "' failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private PreparedStatement prepare(Connection connection, NamedSql query, Map<String, Object> values, int maxRows)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.jdbcSql());
        try {
            statement.setQueryTimeout(queryTimeoutSeconds);
            statement.setMaxRows(maxRows);
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, values.get(query.parameters().get(i)));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static List<LegacyAccount> read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            index.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        List<LegacyAccount> accounts = new ArrayList<>();
        while (rows.next()) {
            String username = text(rows, index, LegacyColumns.USERNAME);
            if (username == null || username.isBlank()) {
                continue;
            }
            Integer enabledColumn = index.get(LegacyColumns.ENABLED);
            boolean enabled = LegacyAccount.parseEnabled(enabledColumn == null ? null : rows.getObject(enabledColumn));
            accounts.add(new LegacyAccount(username.trim(),
                    text(rows, index, LegacyColumns.PASSWORD_HASH),
                    text(rows, index, LegacyColumns.PASSWORD_SALT),
                    text(rows, index, LegacyColumns.HASH_ALGORITHM),
                    text(rows, index, LegacyColumns.EMAIL),
                    text(rows, index, LegacyColumns.FIRST_NAME),
                    text(rows, index, LegacyColumns.LAST_NAME),
                    text(rows, index, LegacyColumns.MAIN_ACCOUNT),
                    text(rows, index, LegacyColumns.RIGHTS),
                    text(rows, index, LegacyColumns.WAVE),
                    enabled));
        }
        return accounts;
    }

    private static String text(ResultSet rows, Map<String, Integer> index, String column) throws SQLException {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        Object value = rows.getObject(i);
        return value == null ? null : value.toString();
    }
}
