package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.unify.keycloak.bench.AdminApi;
import eu.unify.keycloak.bench.BenchRealm;

/**
 * A legacy application database for the legacy scenarios: one MariaDB database per scenario with the table and
 * column names of {@code unify-legacy}'s default queries ({@code legacy_users}), so the user federation runs as an
 * admin who kept the defaults would run it. Every account's password is {@link BenchRealm#PASSWORD}, stored as a
 * salted SHA-256 hex digest: a cheap hash, as legacy applications had, so that a legacy login's cost is the lookup, the
 * import and the federation's work, compared with the light-hash stock login, not the hash.
 *
 * <p>The MariaDB server: {@code -Dunify.bench.legacyJdbcUrl} (default {@code jdbc:mariadb://127.0.0.1:3306/}),
 * {@code .legacyUser} (root), {@code .legacyPassword} (empty); the same local MariaDB the integration tests use.
 */
final class LegacyBenchStore {

    private static final String SALT = "bench-salt";
    private static final int INSERT_BATCH = 1_000;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;

    LegacyBenchStore(String scenario) {
        this.serverUrl = System.getProperty("unify.bench.legacyJdbcUrl", "jdbc:mariadb://127.0.0.1:3306/");
        this.user = System.getProperty("unify.bench.legacyUser", "root");
        this.password = System.getProperty("unify.bench.legacyPassword", "");
        this.database = "unify_bench_" + scenario.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    /** Drops and creates this scenario's database with an empty {@code legacy_users} table. */
    void recreate() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new SQLException("The legacy scenarios need a MariaDB server at " + serverUrl + " (user " + user
                    + "); see bench/README.md: " + e.getMessage(), e);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE legacy_users (username VARCHAR(64) PRIMARY KEY, "
                    + "password_hash VARCHAR(255), password_salt VARCHAR(64), hash_algorithm VARCHAR(32), "
                    + "email VARCHAR(255), first_name VARCHAR(100), last_name VARCHAR(100), main_account VARCHAR(64), "
                    + "rights VARCHAR(255), wave VARCHAR(16), enabled SMALLINT NOT NULL DEFAULT 1)");
        }
    }

    /**
     * Inserts accounts {@code <prefix>0} to {@code <prefix>(count - 1)}, main accounts each with an email address, in
     * batches. All have the same password hash: computing it once keeps the setup fast and changes nothing for the
     * server, which verifies each login on its own.
     */
    void insertAccounts(String prefix, int count) throws SQLException {
        String hash = sha256Hex(BenchRealm.PASSWORD + SALT);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO legacy_users (username, "
                    + "password_hash, password_salt, email, first_name, last_name, rights, wave) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String username = prefix + i;
                    insert.setString(1, username);
                    insert.setString(2, hash);
                    insert.setString(3, SALT);
                    insert.setString(4, BenchRealm.email(username.toLowerCase(Locale.ROOT)));
                    insert.setString(5, "Legacy");
                    insert.setString(6, username);
                    insert.setString(7, "shop");
                    insert.setString(8, Integer.toString(1 + i % 3));
                    insert.addBatch();
                    if ((i + 1) % INSERT_BATCH == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    void drop() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /**
     * Adds the {@code unify-legacy} user federation to the realm through the admin REST API, as an admin saves it in
     * the console (which runs the connection test), and returns the component's id.
     */
    String addFederation(AdminApi admin, String realm) throws Exception {
        ObjectMapper json = admin.json();
        ObjectNode component = json.createObjectNode()
                .put("name", "legacy")
                .put("providerId", "unify-legacy")
                .put("providerType", "org.keycloak.storage.UserStorageProvider");
        ObjectNode config = component.putObject("config");
        config.putArray("jdbcUrl").add(serverUrl + database);
        config.putArray("jdbcUser").add(user);
        config.putArray("jdbcPassword").add(password);
        config.putArray("bareDigestAlgorithm").add("SHA-256");
        config.putArray("bareDigestSaltPosition").add("after");
        config.putArray("enabled").add("true");
        config.putArray("priority").add("0");
        String location = admin.post("/admin/realms/" + realm + "/components", component, 201, Duration.ofMinutes(1))
                .headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location for the new user federation"));
        String path = URI.create(location).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl + database, user, password);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
