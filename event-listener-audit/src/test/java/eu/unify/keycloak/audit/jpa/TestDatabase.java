package eu.unify.keycloak.audit.jpa;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import eu.unify.keycloak.audit.record.AuditChain;
import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.ChainVerification;
import eu.unify.keycloak.audit.record.DetailsCodec;

/**
 * A real database for the audit trail's statements, created by the module's Liquibase changelog as Keycloak runs it:
 * an in-memory H2 by default; PostgreSQL (or any JDBC URL whose driver is on the class path) with
 * {@code -Dunify.audit.testDb=jdbc:postgresql://...} plus {@code .user}/{@code .password}, emptied first.
 */
final class TestDatabase {

    static final String CHANGELOG = AuditJpaEntityProviderFactory.CHANGELOG;

    private final String url;
    private final String user;
    private final String password;
    final ChainSql sql = new ChainSql(new ChainSql.Tables("UNIFY_AUDIT_RECORD", "UNIFY_AUDIT_CHAIN"));

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** An empty database, no tables yet. */
    static TestDatabase empty() throws SQLException {
        String url = System.getProperty("unify.audit.testDb");
        TestDatabase db = url == null
                ? new TestDatabase("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                "sa", "")
                : new TestDatabase(url, System.getProperty("unify.audit.testDb.user"),
                System.getProperty("unify.audit.testDb.password"));
        if (url != null) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String table : List.of("UNIFY_AUDIT_CHECKPOINT", "UNIFY_AUDIT_CHAIN", "UNIFY_AUDIT_RECORD",
                        "DATABASECHANGELOG", "DATABASECHANGELOGLOCK")) {
                    s.execute("drop table if exists " + table);
                }
                c.commit();
            }
        }
        return db;
    }

    /** A database with the current changelog applied. */
    static TestDatabase current() throws Exception {
        TestDatabase db = empty();
        db.migrate(new ClassLoaderResourceAccessor());
        return db;
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Runs the changelog at {@link #CHANGELOG} as found by {@code resources}, as Keycloak does at start. */
    void migrate(ResourceAccessor resources) throws Exception {
        Connection connection = DriverManager.getConnection(url, user, password);
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new JdbcConnection(connection));
        try (Liquibase liquibase = new Liquibase(CHANGELOG, resources, database)) {
            liquibase.update(new Contexts());
        }
    }

    /** The changelog as released before the sealer (change sets 1.0 and 1.1), under the same path. */
    static ResourceAccessor releasedBeforeSealing() throws Exception {
        return new DirectoryResourceAccessor(Path.of(TestDatabase.class.getResource("/changelog-1.1").toURI()));
    }

    static AuditRecord login(String realmId, int n) {
        return AuditRecord.unchained(UUID.randomUUID().toString(), realmId, 1_700_000_000_000L + n, AuditRecord.USER,
                "LOGIN", null, "user-" + n, "user" + n + "@example.com", "app", "10.0.0." + (n % 250), "session-" + n,
                null, null, Map.of("auth_method", "openid-connect"));
    }

    /** Seals everything waiting in the realm, batch by batch, each committed; creates the head first if needed. */
    int sealAll(String realmId, int batch) throws SQLException {
        int total = 0;
        while (true) {
            try (Connection c = connect()) {
                ChainSql.Head head = sql.lockHead(c, realmId);
                if (head == null) {
                    sql.createHead(c, realmId);
                    c.commit();
                    continue;
                }
                int sealed = sql.sealBatch(c, realmId, head, true, batch, ChainSql.Progress.NONE).size();
                c.commit();
                total += sealed;
                if (sealed < batch) {
                    return total;
                }
            }
        }
    }

    /** The realm's sealed records in chain order, as stored. */
    List<AuditRecord> chain(String realmId) throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select ID, REALM_ID, SEQ, EVENT_TIME,"
                + " KIND, TYPE, OUTCOME, ERROR, USER_ID, USERNAME, CLIENT_ID, IP_ADDRESS, SESSION_ID, RESOURCE_TYPE,"
                + " RESOURCE_PATH, DETAILS, PREV_HASH, HASH from UNIFY_AUDIT_RECORD where REALM_ID = ? and SEQ is not"
                + " null order by SEQ")) {
            s.setString(1, realmId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.add(new AuditRecord(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getString(11), r.getString(12), r.getString(13), r.getString(14),
                            r.getString(15), DetailsCodec.decode(r.getString(16)), r.getString(17), r.getString(18)));
                }
            }
        }
        return records;
    }

    /** Verifies the realm's chain as {@link AuditStore#verify} does: from the purge anchor to the head. */
    ChainVerification.Result verify(String realmId) throws SQLException {
        long purgedSeq = 0;
        String purgedHash = AuditChain.GENESIS;
        long lastSeq = 0;
        String lastHash = AuditChain.GENESIS;
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select PURGED_SEQ, PURGED_HASH, LAST_SEQ, LAST_HASH from UNIFY_AUDIT_CHAIN where REALM_ID = ?")) {
            s.setString(1, realmId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    purgedSeq = r.getLong(1);
                    purgedHash = r.getString(2);
                    lastSeq = r.getLong(3);
                    lastHash = r.getString(4);
                }
            }
        }
        ChainVerification verification = new ChainVerification(purgedSeq, purgedHash);
        for (AuditRecord record : chain(realmId)) {
            if (!verification.accept(record)) {
                break;
            }
        }
        return verification.finish(lastSeq, lastHash);
    }

    long unsealed(String realmId) throws SQLException {
        try (Connection c = connect()) {
            return sql.unsealed(c, realmId).count();
        }
    }

    void execute(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
            c.commit();
        }
    }
}
