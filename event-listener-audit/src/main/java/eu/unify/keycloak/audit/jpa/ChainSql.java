package eu.unify.keycloak.audit.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.util.JpaUtils;

import eu.unify.keycloak.audit.record.AuditChain;
import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.DetailsCodec;

/**
 * The audit trail's statements over a plain JDBC connection, in the caller's transaction: the request path's insert and
 * the sealer's batch. Plain JDBC because both run for every record (no entity, no flush, no read the request does not
 * need), and so that unit tests run them on a real database without a server.
 *
 * <p><b>Request path</b> ({@link #insert}): one insert of the unsealed record: no chain head, no read of other records,
 * nothing two requests contend for. {@code ROW_ID} is filled by the database.
 *
 * <p><b>Sealing</b> ({@link #sealBatch}): in one transaction, lock the realm's chain head row (this is what makes one
 * node at a time seal a realm: a second sealer waits for the row and then finds the records sealed), read the oldest
 * unsealed committed records in {@code ROW_ID} order, link them behind the head, write their links and move the head.
 * A crash or a failure anywhere in it rolls all of it back: a batch is sealed whole or not at all.
 */
public final class ChainSql {

    /** Table names, with Keycloak's {@code --db-schema} if set. */
    public record Tables(String record, String chain) {

        public static Tables of(EntityManager em) {
            return new Tables(JpaUtils.getTableNameForNativeQuery("UNIFY_AUDIT_RECORD", em),
                    JpaUtils.getTableNameForNativeQuery("UNIFY_AUDIT_CHAIN", em));
        }
    }

    /** A realm's chain head as locked by the sealer; {@code deleted} when the realm's chain is a deleted realm's. */
    public record Head(long seq, String hash, boolean deleted) {
    }

    /** Called after each record's link is written, before the batch commits; for tests that crash mid-batch. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = sealed -> { };

        void linked(int sealedSoFar) throws SQLException;
    }

    private static final String FIELDS = "ID, REALM_ID, EVENT_TIME, KIND, TYPE, OUTCOME, ERROR, USER_ID, USERNAME,"
            + " CLIENT_ID, IP_ADDRESS, SESSION_ID, RESOURCE_TYPE, RESOURCE_PATH, DETAILS";

    private final String insert;
    private final String lockHead;
    private final String createHead;
    private final String unsealed;
    private final String link;
    private final String moveHead;
    private final String moveHeadUndelete;
    private final String unsealedStats;

    public ChainSql(Tables tables) {
        insert = "insert into " + tables.record() + " (" + FIELDS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        lockHead = "select LAST_SEQ, LAST_HASH, DELETED_AT from " + tables.chain() + " where REALM_ID = ? for update";
        createHead = "insert into " + tables.chain() + " (REALM_ID, LAST_SEQ, LAST_HASH, PURGED_SEQ, PURGED_HASH)"
                + " values (?, 0, ?, 0, ?)";
        unsealed = "select " + FIELDS + " from " + tables.record() + " where REALM_ID = ? and SEQ is null"
                + " order by ROW_ID";
        link = "update " + tables.record() + " set SEQ = ?, PREV_HASH = ?, HASH = ? where ID = ? and SEQ is null";
        moveHead = "update " + tables.chain() + " set LAST_SEQ = ?, LAST_HASH = ? where REALM_ID = ?";
        // A realm recording again under the id of a deleted one (imported again) is no longer deleted.
        moveHeadUndelete = "update " + tables.chain() + " set LAST_SEQ = ?, LAST_HASH = ?, DELETED_AT = null"
                + " where REALM_ID = ?";
        unsealedStats = "select count(*), min(EVENT_TIME) from " + tables.record() + " where REALM_ID = ? and SEQ is null";
    }

    /** Inserts the records unsealed: the whole of the request path's database work. */
    public void insert(Connection connection, Collection<AuditRecord> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (AuditRecord r : records) {
                int i = 0;
                statement.setString(++i, r.id());
                statement.setString(++i, r.realmId());
                statement.setLong(++i, r.time());
                statement.setString(++i, r.kind());
                statement.setString(++i, r.type());
                statement.setString(++i, r.outcome());
                statement.setString(++i, r.error());
                statement.setString(++i, r.userId());
                statement.setString(++i, r.username());
                statement.setString(++i, r.clientId());
                statement.setString(++i, r.ipAddress());
                statement.setString(++i, r.sessionId());
                statement.setString(++i, r.resourceType());
                statement.setString(++i, r.resourcePath());
                statement.setString(++i, DetailsCodec.encode(r.details()));
                if (records.size() == 1) {
                    statement.executeUpdate();
                } else {
                    statement.addBatch();
                }
            }
            if (records.size() > 1) {
                statement.executeBatch();
            }
        }
    }

    /** Locks the realm's chain head row until the transaction ends; null if the realm has none yet. */
    public Head lockHead(Connection connection, String realmId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(lockHead)) {
            statement.setString(1, realmId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long seq = row.getLong(1);
                String hash = row.getString(2);
                row.getLong(3);
                return new Head(seq, hash, !row.wasNull());
            }
        }
    }

    /** Creates the realm's empty chain head; commit it on its own (two sealers may race: the loser's insert fails). */
    public void createHead(Connection connection, String realmId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(createHead)) {
            statement.setString(1, realmId);
            statement.setString(2, AuditChain.GENESIS);
            statement.setString(3, AuditChain.GENESIS);
            statement.executeUpdate();
        }
    }

    /**
     * Seals up to {@code max} of the realm's unsealed records, oldest {@code ROW_ID} first, behind {@code head} (locked
     * by {@link #lockHead} in this transaction). {@code realmLive}: the realm exists (a chain marked deleted is then
     * a re-imported realm's, and no longer deleted). Returns the sealed records, linked; empty if none was waiting.
     */
    public List<AuditRecord> sealBatch(Connection connection, String realmId, Head head, boolean realmLive, int max,
                                       Progress progress) throws SQLException {
        List<AuditRecord> waiting = new ArrayList<>(Math.min(max, 512));
        try (PreparedStatement statement = connection.prepareStatement(unsealed)) {
            statement.setString(1, realmId);
            statement.setMaxRows(max);
            statement.setFetchSize(Math.min(max, 512));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    waiting.add(new AuditRecord(row.getString(1), row.getString(2), 0, row.getLong(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10), row.getString(11), row.getString(12),
                            row.getString(13), row.getString(14), DetailsCodec.decode(row.getString(15)), null, null));
                }
            }
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<AuditRecord> linked = new ArrayList<>(waiting.size());
        long seq = head.seq();
        String prev = head.hash();
        try (PreparedStatement statement = connection.prepareStatement(link)) {
            for (AuditRecord record : waiting) {
                AuditRecord sealed = record.chained(++seq, prev);
                prev = sealed.hash();
                linked.add(sealed);
                statement.setLong(1, sealed.seq());
                statement.setString(2, sealed.prevHash());
                statement.setString(3, sealed.hash());
                statement.setString(4, sealed.id());
                statement.addBatch();
                progress.linked(linked.size());
            }
            for (int count : statement.executeBatch()) {
                // Each record is sealed once: the head lock keeps other sealers out, "SEQ is null" backs it up.
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("audit record sealed concurrently in realm " + realmId);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                head.deleted() && realmLive ? moveHeadUndelete : moveHead)) {
            statement.setLong(1, seq);
            statement.setString(2, prev);
            statement.setString(3, realmId);
            statement.executeUpdate();
        }
        return linked;
    }

    /** How many of the realm's records wait to be sealed, and the time of the oldest (null if none). */
    public record Unsealed(long count, Long oldestTime) {
    }

    public Unsealed unsealed(Connection connection, String realmId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(unsealedStats)) {
            statement.setString(1, realmId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long count = row.getLong(1);
                long oldest = row.getLong(2);
                return new Unsealed(count, row.wasNull() ? null : oldest);
            }
        }
    }
}
