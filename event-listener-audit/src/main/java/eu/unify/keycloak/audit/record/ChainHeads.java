package eu.unify.keycloak.audit.record;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this server last saw committed at the head of each realm's chain: a hint, never the truth. Appending takes the
 * hint as the expected head and links the new records to it; the database then accepts the new head only if its head
 * row still holds exactly the hinted link (a compare-and-set update, which also locks the row until the transaction
 * ends). A stale hint (another node appended, a transaction that saw the hint rolled back, a fresh start) costs one
 * extra locking read, never a wrong link.
 *
 * <p>Thread-safe. Only links newer than the one held replace it, so heads committed out of order never move it back.
 */
public final class ChainHeads {

    /** A link of a chain: its place and hash ({@code 0}, {@link AuditChain#GENESIS} for an empty chain). */
    public record Head(long seq, String hash) {
    }

    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    /** The last committed head this server knows of, or null. */
    public Head get(String realmId) {
        return heads.get(realmId);
    }

    /** Remembers {@code head} as committed, unless a newer link is already known. */
    public void committed(String realmId, Head head) {
        heads.merge(realmId, head, (known, newer) -> newer.seq() > known.seq() ? newer : known);
    }

    /** Drops the hint for a realm, once it was found stale. */
    public void forget(String realmId) {
        heads.remove(realmId);
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
