package eu.unify.keycloak.audit.record;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last link this server wrote at the head of each realm's chain: a hint, never the truth. Appending takes the hint
 * as the expected head and links the new records to it; the database then accepts the new head only if its head row
 * holds exactly the hinted link once the row is free (a compare-and-set update, which waits for the row lock and then
 * holds it until the transaction ends). A stale hint (another node appended, a transaction rolled back, a fresh start)
 * costs one extra locking read, never a wrong link.
 *
 * <p>The hint moves as soon as a transaction has moved the head row ({@link #appended}), before it commits: a
 * concurrent append of this server then links behind that link, and its update, which waits for the first
 * transaction anyway, finds it there once the first has committed. Hinting only committed links would make the second
 * append miss whenever its update comes back before the first transaction has told the hints: a failed update and a
 * locking read more. A transaction that rolls back takes its link back ({@link #rolledBack}).
 *
 * <p>Thread-safe.
 */
public final class ChainHeads {

    /** A link of a chain: its place and hash ({@code 0}, {@link AuditChain#GENESIS} for an empty chain). */
    public record Head(long seq, String hash) {
    }

    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    /** The last head this server wrote (committed or about to be), or null. */
    public Head get(String realmId) {
        return heads.get(realmId);
    }

    /**
     * A transaction has just moved the realm's head row to {@code head} (the row is locked until it ends). Replaces
     * whatever was hinted: the head row moves one transaction at a time, so this is the newest link.
     */
    public void appended(String realmId, Head head) {
        heads.put(realmId, head);
    }

    /** The transaction that wrote {@code head} rolled back: the head row holds the link before it again. */
    public void rolledBack(String realmId, Head head) {
        forget(realmId, head);
    }

    /** Remembers {@code head} as committed, unless a newer link is already known. */
    public void committed(String realmId, Head head) {
        heads.merge(realmId, head, (known, newer) -> newer.seq() > known.seq() ? newer : known);
    }

    /** Drops the realm's hint if it is still {@code stale}, once that was found stale. */
    public void forget(String realmId, Head stale) {
        heads.remove(realmId, stale);
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
