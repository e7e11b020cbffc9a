package eu.unify.keycloak.legacy.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import eu.unify.keycloak.legacy.rights.LegacyRights;

/**
 * The console's save of a legacy store is its connection test: the options are read, the rights mapping is checked
 * against the realm, then a connection is opened, the queries run and their columns are compared with the contract.
 * Every problem is named, in one message, so the admin can fix them all at once.
 */
public final class ConnectionTest {

    private ConnectionTest() {
    }

    /**
     * Tests the store {@code model}. {@code otherProblems} are what other parts of the configuration (the move's
     * options) found; they are reported with the store's own before anything connects. {@code subAccountsNeeded}:
     * the move is switched on, so the "sub-accounts" query must work even where it was left at its default.
     *
     * @throws ComponentValidationException naming every problem found
     */
    public static void run(KeycloakSession session, RealmModel realm, ComponentModel model, List<String> otherProblems,
                           boolean subAccountsNeeded) throws ComponentValidationException {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        if (config.jdbcUrl().isEmpty()) {
            throw invalid("Enter the JDBC URL of the legacy database.");
        }
        if (JdbcConnector.Vendor.of(config.jdbcUrl()) == null) {
            throw invalid("The JDBC URL must start with jdbc:postgresql:, jdbc:mariadb:, "
                    + "jdbc:mysql: or jdbc:sqlserver:.");
        }
        List<String> problems = new ArrayList<>(LegacyRights.problems(session, realm, config.rightsMapping()));
        NamedSql byUsername = parse("Query 'find by username'", config.findByUsernameSql(),
                Set.of(LegacyAccountRepository.PARAM_USERNAME), problems);
        NamedSql byEmail = config.findByEmailSql().isEmpty() ? null : parse("Query 'find by email'",
                config.findByEmailSql(), Set.of(LegacyAccountRepository.PARAM_EMAIL), problems);
        NamedSql listAll = parse("Query 'list all'", config.listAllSql(),
                Set.of(LegacyAccountRepository.PARAM_LIMIT, LegacyAccountRepository.PARAM_OFFSET), problems);
        NamedSql countByWave = config.countByWaveSqlGiven()
                ? parse("Query 'count by wave'", config.countByWaveSql(), Set.of(), problems) : null;
        NamedSql subAccounts = parse("Query 'sub-accounts'", config.subAccountsSql(),
                Set.of(LegacyAccountRepository.PARAM_MAIN_ACCOUNT), problems);
        problems.addAll(otherProblems);
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        try (ConnectionPool pool = new ConnectionPool(LegacyStorePools.connector(config), 1,
                config.connectTimeout())) {
            try (ConnectionPool.Lease lease = pool.borrow()) {
                lease.connection().getMetaData();
            } catch (SQLException e) {
                throw invalid("Cannot connect to the legacy database: " + e.getMessage());
            }
            LegacyAccountRepository repository = new LegacyAccountRepository(pool,
                    (int) config.queryTimeout().toSeconds());
            Set<String> lookupColumns = Set.of(LegacyColumns.USERNAME, LegacyColumns.PASSWORD_HASH);
            problems.addAll(check(repository, "Query 'find by username'", byUsername,
                    Map.of(LegacyAccountRepository.PARAM_USERNAME, ""), lookupColumns));
            if (byEmail != null) {
                problems.addAll(check(repository, "Query 'find by email'", byEmail,
                        Map.of(LegacyAccountRepository.PARAM_EMAIL, ""), lookupColumns));
            }
            problems.addAll(check(repository, "Query 'list all'", listAll,
                    Map.of(LegacyAccountRepository.PARAM_LIMIT, 1, LegacyAccountRepository.PARAM_OFFSET, 0),
                    Set.of(LegacyColumns.USERNAME)));
            if (countByWave != null) {
                problems.addAll(checkCountByWave(repository, countByWave));
            }
            // Only the move reads sub-accounts: a store that predates the option and moves nobody is not held up.
            if (subAccountsNeeded || config.hasSubAccountsSql()) {
                problems.addAll(check(repository, "Query 'sub-accounts'", subAccounts,
                        Map.of(LegacyAccountRepository.PARAM_MAIN_ACCOUNT, ""), Set.of(LegacyColumns.USERNAME)));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
    }

    /**
     * The console runs the message through MessageFormat (quotes and braces are syntax there), so the text goes in
     * as a parameter and reaches the admin exactly as written.
     */
    private static ComponentValidationException invalid(String text) {
        return new ComponentValidationException("{0}", text);
    }

    private static NamedSql parse(String name, String sql, Set<String> allowed, List<String> problems) {
        try {
            return NamedSql.parse(sql, allowed);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
            return null;
        }
    }

    private static List<String> check(LegacyAccountRepository repository, String name, NamedSql query,
                                      Map<String, Object> values, Set<String> required) {
        try {
            return LegacyColumns.problems(name, repository.columnsOf(name, query, values), required);
        } catch (LegacyStoreUnavailableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return List.of(name + " failed: " + cause.getMessage());
        }
    }

    private static List<String> checkCountByWave(LegacyAccountRepository repository, NamedSql query) {
        String name = "Query 'count by wave'";
        List<String> labels;
        try {
            labels = repository.columnsOf(name, query, Map.of());
        } catch (LegacyStoreUnavailableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return List.of(name + " failed: " + cause.getMessage());
        }
        List<String> found = labels.stream().map(label -> label == null ? "" : label.toLowerCase(Locale.ROOT))
                .sorted().toList();
        if (found.equals(List.of(LegacyAccountRepository.COUNT_TOTAL, LegacyAccountRepository.COUNT_WAVE))
                || found.equals(List.of(LegacyAccountRepository.COUNT_DISABLED, LegacyAccountRepository.COUNT_TOTAL,
                        LegacyAccountRepository.COUNT_WAVE))) {
            return List.of();
        }
        return List.of(name + " must return exactly the columns wave and total, and optionally disabled (use AS to "
                + "rename), but returns: " + String.join(", ", labels));
    }
}
