package eu.unify.keycloak.legacy.storage;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens connections with the JDBC drivers Keycloak ships, with connect and socket timeouts set in each driver's own
 * terms. The driver is loaded directly rather than through {@link DriverManager}'s registry, which does not see
 * drivers from Keycloak's class loader reliably, and so no JVM-wide login timeout is changed.
 */
final class JdbcConnector implements ConnectionPool.ConnectionOpener {

    enum Vendor {
        POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver", "postgres"),
        MARIADB("jdbc:mariadb:", "org.mariadb.jdbc.Driver", "mariadb"),
        MYSQL("jdbc:mysql:", "com.mysql.cj.jdbc.Driver", "mysql"),
        SQLSERVER("jdbc:sqlserver:", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "mssql");

        final String prefix;
        final String driverClass;
        /** Keycloak's name for the database kind, as in {@code --db}. */
        final String kcDbKind;

        Vendor(String prefix, String driverClass, String kcDbKind) {
            this.prefix = prefix;
            this.driverClass = driverClass;
            this.kcDbKind = kcDbKind;
        }

        static Vendor of(String url) {
            String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
            for (Vendor vendor : values()) {
                if (lower.startsWith(vendor.prefix)) {
                    return vendor;
                }
            }
            return null;
        }
    }

    private final String url;
    private final Properties properties;

    JdbcConnector(String url, String user, String password, Duration connectTimeout, Duration socketTimeout) {
        this.url = url;
        this.properties = properties(Vendor.of(url), user, password, connectTimeout, socketTimeout);
    }

    static Properties properties(Vendor vendor, String user, String password, Duration connectTimeout,
                                 Duration socketTimeout) {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        long connectSeconds = Math.max(1, connectTimeout.toSeconds());
        long socketSeconds = Math.max(1, socketTimeout.toSeconds());
        if (vendor == null) {
            return props;
        }
        switch (vendor) {
            case POSTGRESQL -> {
                props.setProperty("connectTimeout", Long.toString(connectSeconds));
                props.setProperty("loginTimeout", Long.toString(connectSeconds));
                props.setProperty("socketTimeout", Long.toString(socketSeconds));
                props.setProperty("ApplicationName", "keycloak-unify-legacy");
            }
            case MARIADB, MYSQL -> {
                props.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
                props.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
            }
            case SQLSERVER -> {
                props.setProperty("loginTimeout", Long.toString(connectSeconds));
                props.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
            }
        }
        return props;
    }

    @Override
    public Connection open() throws SQLException {
        Driver driver = driver();
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver does not accept this URL");
        }
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        Vendor vendor = Vendor.of(url);
        if (vendor == null) {
            return DriverManager.getDriver(url);
        }
        for (ClassLoader loader : new ClassLoader[] {JdbcConnector.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            try {
                Class<?> type = Class.forName(vendor.driverClass, true, loader);
                return (Driver) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // try the next class loader
            }
        }
        // Keycloak drops the drivers of database kinds it is not built for.
        throw new SQLException("the " + vendor.name().toLowerCase(Locale.ROOT) + " JDBC driver is not available: "
                + "build Keycloak with --db-kind-unifylegacy=" + vendor.kcDbKind + " --db-enabled-unifylegacy=false "
                + "(see the unify-legacy README)");
    }
}
