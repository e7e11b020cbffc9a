package eu.unify.keycloak.audit.record;

import java.util.Objects;

/**
 * Walks a realm's records in chain order and remembers the first broken link. The walk starts after the last purged
 * record ({@code anchorSeq}, {@code anchorHash}: 0 and {@link AuditChain#GENESIS} when nothing was purged) and must end
 * at the chain head, so records removed at the start, in the middle or at the end are detected too.
 */
public final class ChainVerification {

    /** The verdict: {@code brokenSeq} and {@code reason} are null when the chain is intact. */
    public record Result(boolean valid, long checked, Long brokenSeq, String brokenId, String reason) {
    }

    private long expectedSeq;
    private String expectedPrevHash;
    private long checked;
    private Result broken;

    public ChainVerification(long anchorSeq, String anchorHash) {
        this.expectedSeq = anchorSeq + 1;
        this.expectedPrevHash = anchorHash == null ? AuditChain.GENESIS : anchorHash;
    }

    /** Checks the next record; returns false once the chain is broken (no need to read further). */
    public boolean accept(AuditRecord record) {
        if (broken != null) {
            return false;
        }
        if (record.seq() != expectedSeq) {
            return fail(record.seq(), record.id(), record.seq() > expectedSeq
                    ? "records " + expectedSeq + " to " + (record.seq() - 1) + " are missing"
                    : "record out of sequence (expected " + expectedSeq + ")");
        }
        if (!Objects.equals(record.prevHash(), expectedPrevHash)) {
            return fail(record.seq(), record.id(), "does not follow the previous record (previous hash differs)");
        }
        if (!Objects.equals(AuditChain.hash(record), record.hash())) {
            return fail(record.seq(), record.id(), "record content altered (hash differs)");
        }
        checked++;
        expectedSeq++;
        expectedPrevHash = record.hash();
        return true;
    }

    /** The verdict, given the head of the chain ({@code headSeq} 0 for an empty chain). */
    public Result finish(long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        if (expectedSeq - 1 != headSeq || !Objects.equals(expectedPrevHash, headHash == null ? AuditChain.GENESIS : headHash)) {
            long missingFrom = expectedSeq;
            return new Result(false, checked, missingFrom, null,
                    headSeq >= missingFrom ? "records " + missingFrom + " to " + headSeq + " are missing"
                            : "chain head does not match the last record");
        }
        return new Result(true, checked, null, null, null);
    }

    private boolean fail(long seq, String id, String reason) {
        broken = new Result(false, checked, seq, id, reason);
        return false;
    }
}
