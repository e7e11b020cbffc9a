package eu.unify.keycloak.audit.record;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this server knows of the head of each realm's chain: hints, never the truth. Appending takes a hint as the
 * expected head and links the new records to it; the database then accepts the new head only if its head row holds
 * exactly the hinted link (a compare-and-set update, which also holds the row lock until the transaction ends). A
 * stale hint (another node appended, a transaction rolled back, a fresh start) costs a failed update and at worst one
 * locking read, never a wrong link.
 *
 * <p>Two hints per realm, because of how the update sees the row. It is evaluated against the last committed row:
 * PostgreSQL and H2 skip a row whose committed version does not match without waiting for its lock, and wait (then
 * re-check the condition on the newly committed version) only for a row that matches. So the first try takes the
 * last link known to be committed ({@link #committed}): if another transaction of this server holds the row, the
 * update waits for it and then finds its new link. That transaction has told its link as soon as it moved the row
 * ({@link #appended}, before its commit), so the second try takes it, committed by then, instead of a locking read.
 * A transaction that rolls back takes its link back ({@link #rolledBack}).
 *
 * <p>Thread-safe.
 */
public final class ChainHeads {

    /** A link of a chain: its place and hash ({@code 0}, {@link AuditChain#GENESIS} for an empty chain). */
    public record Head(long seq, String hash) {
    }

    /** The newest link this server saw committed, per realm. */
    private final Map<String, Head> committed = new ConcurrentHashMap<>();
    /** The last link a transaction of this server wrote, per realm, committed or not yet. */
    private final Map<String, Head> written = new ConcurrentHashMap<>();

    /**
     * The link to try next, never one of {@code tried}: first the last committed one, after a failed try the last
     * written one; null if there is none left to try.
     */
    public Head next(String realmId, Collection<Head> tried) {
        Head lastCommitted = committed.get(realmId);
        Head lastWritten = written.get(realmId);
        Head first = tried.isEmpty() ? lastCommitted : lastWritten;
        Head second = tried.isEmpty() ? lastWritten : lastCommitted;
        if (first != null && !tried.contains(first)) {
            return first;
        }
        return second != null && !tried.contains(second) ? second : null;
    }

    /**
     * A transaction has just moved the realm's head row to {@code head} (the row stays locked until it ends). Replaces
     * the last written link: the head row moves one transaction at a time, so this is the newest one.
     */
    public void appended(String realmId, Head head) {
        written.put(realmId, head);
    }

    /** The transaction that wrote {@code head} rolled back: the head row holds the link before it again. */
    public void rolledBack(String realmId, Head head) {
        written.remove(realmId, head);
    }

    /** Remembers {@code head} as committed, unless a newer link is already known. */
    public void committed(String realmId, Head head) {
        committed.merge(realmId, head, (known, newer) -> newer.seq() > known.seq() ? newer : known);
        written.remove(realmId, head);
    }

    /** Drops the realm's hints that are still {@code stale}, once that was found stale. */
    public void forget(String realmId, Head stale) {
        committed.remove(realmId, stale);
        written.remove(realmId, stale);
    }

    /** {@code records} linked one after the other behind {@code head}, in the given order. */
    public static List<AuditRecord> link(List<AuditRecord> records, Head head) {
        long seq = head.seq();
        String prev = head.hash();
        AuditRecord[] linked = new AuditRecord[records.size()];
        for (int i = 0; i < linked.length; i++) {
            linked[i] = records.get(i).chained(++seq, prev);
            prev = linked[i].hash();
        }
        return List.of(linked);
    }
}
