package eu.unify.keycloak.audit.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.util.JpaUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.audit.record.AuditChain;
import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.ChainHeads;
import eu.unify.keycloak.audit.record.DetailsCodec;

/**
 * Appends records to their realms' chains, in the session's transaction: the hot path of the audit trail (every event
 * of every login), so it is written for the fewest statements and the least work per statement.
 *
 * <p>The usual case, whenever this server knows the realm's current head ({@link ChainHeads}): link the records behind
 * it, then over the transaction's own JDBC connection move the head row with one compare-and-set update (which also
 * locks the row until the transaction ends) and insert the records: two statements, no read, no entity. If the
 * update finds another head (a concurrent transaction of this server held the row: the update waited for it), it is
 * tried again behind the link that transaction wrote, which it told the hints before its commit; if that fails too
 * (another node appended, a transaction rolled back), the head is read with a locking read and the records are linked
 * behind it. The head row is written only by these statements and
 * by {@link AuditStore#purge}'s anchor update, never by flushing an entity.
 *
 * <p>One per server; holds the head hints and the statements (table names carry Keycloak's {@code --db-schema}).
 */
public final class ChainAppender {

    private static final Logger LOG = Logger.getLogger(ChainAppender.class);

    /** Updates behind a hint per append before the locking read; each retry follows a newer hint. */
    private static final int HINTED_ATTEMPTS = 3;

    private final ChainHeads heads = new ChainHeads();
    private final LongAdder appends = new LongAdder();
    private final LongAdder hintMisses = new LongAdder();
    private final LongAdder lockedReads = new LongAdder();
    /** Built from the first entity manager: the schema and the database do not change while the server runs. */
    private volatile Statements statements;

    /**
     * Links the records to their realms' chains and inserts them. Each realm's head row stays locked until the
     * transaction ends; realms are taken in a fixed order so that two transactions never wait for each other. Returns
     * the linked records; tell {@link #committed} once their transaction has committed.
     */
    public List<AuditRecord> append(KeycloakSession session, Collection<AuditRecord> records) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Statements sql = statements(em);
        Map<String, List<AuditRecord>> byRealm = new TreeMap<>();
        for (AuditRecord record : records) {
            byRealm.computeIfAbsent(record.realmId(), realm -> new ArrayList<>()).add(record);
        }
        List<AuditRecord> chained = new ArrayList<>(records.size());
        byRealm.forEach((realmId, realmRecords) -> {
            List<AuditRecord> linked = writeBehindHint(em, sql, realmId, realmRecords);
            if (linked == null) {
                lockedReads.increment();
                ChainHeads.Head current = lockHead(session, em, realmId);
                linked = ChainHeads.link(realmRecords, current);
                if (!write(em, sql, current, linked)) {
                    throw new IllegalStateException("audit chain head of realm " + realmId + " moved while locked");
                }
            }
            appends.increment();
            chained.addAll(linked);
        });
        return chained;
    }

    /**
     * Links and writes the records behind the head this server knows (see {@link ChainHeads#next}); null if it knows
     * none or the head row holds another link. An update that found another head (usually: a transaction of this
     * server held the row, the update waited for it) is tried again behind the link that transaction wrote.
     */
    private List<AuditRecord> writeBehindHint(EntityManager em, Statements sql, String realmId,
                                              List<AuditRecord> records) {
        List<ChainHeads.Head> tried = new ArrayList<>(HINTED_ATTEMPTS);
        for (int attempt = 0; attempt < HINTED_ATTEMPTS; attempt++) {
            ChainHeads.Head hint = heads.next(realmId, tried);
            if (hint == null) {
                break;
            }
            List<AuditRecord> linked = ChainHeads.link(records, hint);
            if (write(em, sql, hint, linked)) {
                return linked;
            }
            hintMisses.increment();
            tried.add(hint);
        }
        // Stale (each unless replaced meanwhile): whatever this transaction writes replaces them, even an older-looking
        // head (a chain begun anew under a reused realm id).
        tried.forEach(stale -> heads.forget(realmId, stale));
        return null;
    }

    /** The records' transaction has committed: their realms' heads are now theirs. */
    public void committed(List<AuditRecord> chained) {
        chained.forEach(link -> heads.committed(link.realmId(), headOf(link)));
    }

    /** The records' transaction rolled back after {@link #append}: their realms' head rows hold the links before. */
    public void rolledBack(List<AuditRecord> chained) {
        chained.forEach(link -> heads.rolledBack(link.realmId(), headOf(link)));
    }

    /**
     * How the appends went since start: per realm and transaction one append; a hint miss is an update that found
     * another head than this server's hint (another node, or a rolled-back transaction); a locked read is an append
     * that had to read the head under lock. For the provider info: many misses mean nodes take turns on one realm.
     */
    public Map<String, String> statistics() {
        return Map.of("chainAppends", Long.toString(appends.sum()),
                "chainHintMisses", Long.toString(hintMisses.sum()),
                "chainLockedReads", Long.toString(lockedReads.sum()));
    }

    private static ChainHeads.Head headOf(AuditRecord link) {
        return new ChainHeads.Head(link.seq(), link.hash());
    }

    /**
     * Moves the realm's head from {@code expected} to the last of {@code linked} if the head row still holds
     * {@code expected}, and then inserts {@code linked}; both over one use of the transaction's connection. The new
     * head is told to the hints as soon as the row holds it (see {@link ChainHeads}): a concurrent append whose update
     * is waiting for this transaction retries behind it.
     */
    private boolean write(EntityManager em, Statements sql, ChainHeads.Head expected, List<AuditRecord> linked) {
        AuditRecord last = linked.get(linked.size() - 1);
        ChainHeads.Head moved = headOf(last);
        return em.callWithConnection((Connection connection) -> {
            try (PreparedStatement update = connection.prepareStatement(sql.moveHead())) {
                update.setLong(1, last.seq());
                update.setString(2, last.hash());
                update.setString(3, last.realmId());
                update.setLong(4, expected.seq());
                update.setString(5, expected.hash());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            heads.appended(last.realmId(), moved);
            try {
                insert(connection, sql, linked);
            } catch (SQLException | RuntimeException e) {
                // The transaction fails with its records: the row keeps the link before.
                heads.rolledBack(last.realmId(), moved);
                throw e;
            }
            return true;
        });
    }

    private static void insert(Connection connection, Statements sql, List<AuditRecord> linked) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.insertRecord())) {
            for (AuditRecord r : linked) {
                bind(insert, r);
                if (linked.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (linked.size() > 1) {
                insert.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement insert, AuditRecord r) throws SQLException {
        int i = 0;
        insert.setString(++i, r.id());
        insert.setString(++i, r.realmId());
        insert.setLong(++i, r.seq());
        insert.setLong(++i, r.time());
        insert.setString(++i, r.kind());
        insert.setString(++i, r.type());
        insert.setString(++i, r.outcome());
        insert.setString(++i, r.error());
        insert.setString(++i, r.userId());
        insert.setString(++i, r.username());
        insert.setString(++i, r.clientId());
        insert.setString(++i, r.ipAddress());
        insert.setString(++i, r.sessionId());
        insert.setString(++i, r.resourceType());
        insert.setString(++i, r.resourcePath());
        insert.setString(++i, DetailsCodec.encode(r.details()));
        insert.setString(++i, r.prevHash());
        insert.setString(++i, r.hash());
    }

    /**
     * Locks the realm's head row and reads it: Hibernate renders the locking read for the database at hand, a current
     * read even where plain reads see an older snapshot (MySQL's repeatable read). Creates the row first if the realm
     * has none yet. The entity is detached at once, so that no flush ever writes it.
     */
    private static ChainHeads.Head lockHead(KeycloakSession session, EntityManager em, String realmId) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            createHead(session, realmId);
            head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                throw new IllegalStateException("audit chain head of realm " + realmId + " could not be created");
            }
        }
        em.detach(head);
        return new ChainHeads.Head(head.getLastSeq(), head.getLastHash());
    }

    /**
     * Creates the realm's head row in a transaction of its own, committed at once, so that the row exists to be locked.
     * Two first records at once both try; the loser's insert fails on the primary key, which is fine.
     */
    private static void createHead(KeycloakSession session, String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                EntityManager ownEm = own.getProvider(JpaConnectionProvider.class).getEntityManager();
                if (ownEm.find(AuditChainHeadEntity.class, realmId) == null) {
                    AuditChainHeadEntity head = new AuditChainHeadEntity();
                    head.setRealmId(realmId);
                    head.setLastSeq(0);
                    head.setLastHash(AuditChain.GENESIS);
                    head.setPurgedSeq(0);
                    head.setPurgedHash(AuditChain.GENESIS);
                    ownEm.persist(head);
                }
            });
        } catch (RuntimeException concurrentlyCreated) {
            LOG.debugf("Audit chain head of realm %s created concurrently", realmId);
        }
    }

    private Statements statements(EntityManager em) {
        Statements built = statements;
        if (built == null) {
            built = Statements.of(em);
            statements = built;
        }
        return built;
    }

    /** The append path's statements, for JDBC. */
    private record Statements(String moveHead, String insertRecord) {

        static Statements of(EntityManager em) {
            String chain = JpaUtils.getTableNameForNativeQuery("UNIFY_AUDIT_CHAIN", em);
            String record = JpaUtils.getTableNameForNativeQuery("UNIFY_AUDIT_RECORD", em);
            return new Statements(
                    // A realm appending again under the id of a deleted one (a re-import) is no longer deleted.
                    "update " + chain + " set LAST_SEQ = ?, LAST_HASH = ?, DELETED_AT = null where REALM_ID = ?"
                            + " and LAST_SEQ = ? and LAST_HASH = ?",
                    "insert into " + record + " (ID, REALM_ID, SEQ, EVENT_TIME, KIND, TYPE, OUTCOME, ERROR, USER_ID,"
                            + " USERNAME, CLIENT_ID, IP_ADDRESS, SESSION_ID, RESOURCE_TYPE, RESOURCE_PATH, DETAILS,"
                            + " PREV_HASH, HASH) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
    }
}
