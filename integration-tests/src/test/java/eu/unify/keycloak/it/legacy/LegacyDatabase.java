package eu.unify.keycloak.it.legacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A legacy application database for the tests, in the made-up schema of the module README: created afresh in the
 * local MariaDB or PostgreSQL (as root / postgres), filled by the test, and read by Keycloak over its own drivers.
 */
public enum LegacyDatabase {

    MARIADB("jdbc:mariadb://127.0.0.1:3306/", "root", "", "maria", "LOCK TABLES kunden_login WRITE"),
    POSTGRES("jdbc:postgresql://127.0.0.1:5432/", "postgres", "unify", "pg",
            "LOCK TABLE kunden_login IN ACCESS EXCLUSIVE MODE");

    public static final String DATABASE = "unify_legacy_it";

    static final String FIND_BY_USERNAME = "SELECT login_name AS username, pw_hash AS password_hash, "
            + "pw_salt AS password_salt, hash_typ AS hash_algorithm, mail AS email, vorname AS first_name, "
            + "nachname AS last_name, haupt_login AS main_account, rechte AS rights, welle AS wave, aktiv AS enabled "
            + "FROM kunden_login WHERE lower(login_name) = lower(:username)";
    static final String FIND_BY_EMAIL = "SELECT login_name AS username, pw_hash AS password_hash, "
            + "pw_salt AS password_salt, hash_typ AS hash_algorithm, mail AS email, vorname AS first_name, "
            + "nachname AS last_name, haupt_login AS main_account, rechte AS rights, welle AS wave, aktiv AS enabled "
            + "FROM kunden_login WHERE lower(mail) = lower(:email)";
    static final String LIST_ALL = "SELECT login_name AS username, mail AS email, vorname AS first_name, "
            + "nachname AS last_name, haupt_login AS main_account, rechte AS rights, welle AS wave, aktiv AS enabled "
            + "FROM kunden_login ORDER BY login_name LIMIT :limit OFFSET :offset";

    static final String COUNT_BY_WAVE = "SELECT welle AS wave, COUNT(*) AS total FROM kunden_login GROUP BY welle";
    /** The same with the optional column {@code disabled}, as the module README shows it. */
    static final String COUNT_BY_WAVE_WITH_DISABLED = "SELECT welle AS wave, COUNT(*) AS total, "
            + "SUM(CASE WHEN aktiv = 0 THEN 1 ELSE 0 END) AS disabled FROM kunden_login GROUP BY welle";
    public static final String SUB_ACCOUNTS = "SELECT login_name AS username, pw_hash AS password_hash, "
            + "pw_salt AS password_salt, hash_typ AS hash_algorithm, mail AS email, vorname AS first_name, "
            + "nachname AS last_name, haupt_login AS main_account, rechte AS rights, welle AS wave, aktiv AS enabled "
            + "FROM kunden_login WHERE haupt_login = :main_account";

    private final String serverUrl;
    private final String user;
    private final String password;
    /** Prefix of this database's legacy usernames, so the two stores never hold the same name. */
    public final String prefix;
    private final String lockStatement;

    LegacyDatabase(String serverUrl, String user, String password, String prefix, String lockStatement) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.prefix = prefix;
        this.lockStatement = lockStatement;
    }

    public String jdbcUrl() {
        return serverUrl + DATABASE;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String username(String name) {
        return prefix + "_" + name;
    }

    public void recreate() throws SQLException {
        String admin = this == POSTGRES ? serverUrl + "postgres" : serverUrl;
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             Statement statement = connection.createStatement()) {
            if (this == POSTGRES) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            } else {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kunden_login ("
                    + "login_name VARCHAR(64) PRIMARY KEY, pw_hash VARCHAR(255), pw_salt VARCHAR(64), "
                    + "hash_typ VARCHAR(32), mail VARCHAR(255), vorname VARCHAR(100), nachname VARCHAR(100), "
                    + "haupt_login VARCHAR(64), rechte VARCHAR(255), welle INTEGER, aktiv SMALLINT NOT NULL DEFAULT 1)");
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    public void insert(String login, String hash, String mail, String firstName, String lastName, String mainLogin,
                String rights, Integer wave) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kunden_login (login_name, pw_hash, mail, vorname, nachname, haupt_login, rechte, welle) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, login);
            insert.setString(2, hash);
            insert.setString(3, mail);
            insert.setString(4, firstName);
            insert.setString(5, lastName);
            insert.setString(6, mainLogin);
            insert.setString(7, rights);
            insert.setObject(8, wave);
            insert.executeUpdate();
        }
    }

    void setHash(String login, String hash) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE kunden_login SET pw_hash = ? WHERE login_name = ?")) {
            update.setString(1, hash);
            update.setString(2, login);
            update.executeUpdate();
        }
    }

    /** Gives the row a hash with a salt of its own and a hash_algorithm hint (null: none). */
    void setHash(String login, String hash, String salt, String hint) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE kunden_login SET pw_hash = ?, pw_salt = ?, hash_typ = ? WHERE login_name = ?")) {
            update.setString(1, hash);
            update.setString(2, salt);
            update.setString(3, hint);
            update.setString(4, login);
            update.executeUpdate();
        }
    }

    /** Disables the account in the legacy application (aktiv = 0). */
    void disable(String login) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE kunden_login SET aktiv = 0 WHERE login_name = ?")) {
            update.setString(1, login);
            update.executeUpdate();
        }
    }

    /**
     * Makes the legacy table unreadable until the returned connection is closed: every query of Keycloak waits for
     * the lock, as on an overloaded database, and runs into its timeout.
     */
    public Connection lockTable() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            if (this == POSTGRES) {
                connection.setAutoCommit(false);
            }
            statement.execute(lockStatement);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
