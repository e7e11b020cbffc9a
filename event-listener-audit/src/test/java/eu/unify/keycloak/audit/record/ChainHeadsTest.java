package eu.unify.keycloak.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChainHeadsTest {

    @Test
    void linksRecordsOneAfterTheOtherBehindTheHead() {
        List<AuditRecord> chain = Records.chain(3);
        AuditRecord third = chain.get(2);

        List<AuditRecord> linked = ChainHeads.link(List.of(Records.login(4), Records.login(5)),
                new ChainHeads.Head(third.seq(), third.hash()));

        assertThat(linked).extracting(AuditRecord::seq).containsExactly(4L, 5L);
        assertThat(linked.get(0).prevHash()).isEqualTo(third.hash());
        assertThat(linked.get(1).prevHash()).isEqualTo(linked.get(0).hash());
        ChainVerification verification = new ChainVerification(0, AuditChain.GENESIS);
        chain.forEach(verification::accept);
        linked.forEach(verification::accept);
        assertThat(verification.finish(5, linked.get(1).hash()).valid()).isTrue();
    }

    @Test
    void theFirstRecordFollowsTheGenesis() {
        List<AuditRecord> linked = ChainHeads.link(List.of(Records.login(1)),
                new ChainHeads.Head(0, AuditChain.GENESIS));
        assertThat(linked.get(0)).isEqualTo(Records.chain(1).get(0));
    }

    private static final List<ChainHeads.Head> NONE_TRIED = List.of();

    @Test
    void remembersOnlyNewerCommittedHeadsPerRealm() {
        ChainHeads heads = new ChainHeads();
        assertThat(heads.next("realm-1", NONE_TRIED)).isNull();

        heads.committed("realm-1", head(7));
        heads.committed("realm-1", head(6));
        heads.committed("realm-2", new ChainHeads.Head(1, "x1"));

        assertThat(heads.next("realm-1", NONE_TRIED)).isEqualTo(head(7));
        heads.committed("realm-1", head(8));
        assertThat(heads.next("realm-1", NONE_TRIED)).isEqualTo(head(8));
        assertThat(heads.next("realm-2", NONE_TRIED)).isEqualTo(new ChainHeads.Head(1, "x1"));

        heads.forget("realm-1", head(7));
        assertThat(heads.next("realm-1", NONE_TRIED)).as("a newer hint than the stale one stays").isEqualTo(head(8));
        heads.forget("realm-1", head(8));
        assertThat(heads.next("realm-1", NONE_TRIED)).isNull();
    }

    @Test
    void triesTheLastCommittedLinkFirstThenTheLinkAConcurrentTransactionWrote() {
        ChainHeads heads = new ChainHeads();
        heads.committed("realm-1", head(7));
        // Another transaction of this server has moved the row to 8 and not committed yet.
        heads.appended("realm-1", head(8));

        assertThat(heads.next("realm-1", NONE_TRIED)).isEqualTo(head(7));
        assertThat(heads.next("realm-1", List.of(head(7)))).isEqualTo(head(8));
        assertThat(heads.next("realm-1", List.of(head(7), head(8)))).as("nothing left to try").isNull();
    }

    @Test
    void aCommittedLinkIsNoLongerALinkInFlight() {
        ChainHeads heads = new ChainHeads();
        heads.committed("realm-1", head(7));
        heads.appended("realm-1", head(8));
        heads.committed("realm-1", head(8));

        assertThat(heads.next("realm-1", NONE_TRIED)).isEqualTo(head(8));
        assertThat(heads.next("realm-1", List.of(head(8)))).isNull();
    }

    @Test
    void aRollbackTakesItsLinkBack() {
        ChainHeads heads = new ChainHeads();
        heads.committed("realm-1", head(7));
        heads.appended("realm-1", head(8));

        heads.rolledBack("realm-1", head(8));

        assertThat(heads.next("realm-1", List.of(head(7)))).isNull();
        assertThat(heads.next("realm-1", NONE_TRIED)).isEqualTo(head(7));
    }

    @Test
    void aRollbackLeavesANewerLinkOfAnotherTransaction() {
        ChainHeads heads = new ChainHeads();
        heads.appended("realm-1", head(8));
        heads.appended("realm-1", head(9));

        heads.rolledBack("realm-1", head(8));

        assertThat(heads.next("realm-1", NONE_TRIED)).isEqualTo(head(9));
    }

    @Test
    void aWrittenLinkIsTriedEvenWhenItLooksOlderThanTheCommittedOne() {
        ChainHeads heads = new ChainHeads();
        heads.committed("realm-1", head(50));
        // A chain begun anew under a reused realm id: the head row held link 2 when this server appended link 3.
        heads.appended("realm-1", head(3));

        assertThat(heads.next("realm-1", List.of(head(50)))).isEqualTo(head(3));
    }

    private static ChainHeads.Head head(long seq) {
        return new ChainHeads.Head(seq, "h" + seq);
    }
}
