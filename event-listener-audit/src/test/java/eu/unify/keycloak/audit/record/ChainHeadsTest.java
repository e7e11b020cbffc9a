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

    @Test
    void remembersOnlyNewerHeadsPerRealm() {
        ChainHeads heads = new ChainHeads();
        assertThat(heads.get("realm-1")).isNull();

        heads.committed("realm-1", new ChainHeads.Head(7, "h7"));
        heads.committed("realm-1", new ChainHeads.Head(6, "h6"));
        heads.committed("realm-2", new ChainHeads.Head(1, "x1"));

        assertThat(heads.get("realm-1")).isEqualTo(new ChainHeads.Head(7, "h7"));
        heads.committed("realm-1", new ChainHeads.Head(8, "h8"));
        assertThat(heads.get("realm-1")).isEqualTo(new ChainHeads.Head(8, "h8"));
        assertThat(heads.get("realm-2")).isEqualTo(new ChainHeads.Head(1, "x1"));

        heads.forget("realm-1", new ChainHeads.Head(7, "h7"));
        assertThat(heads.get("realm-1")).as("a newer hint than the stale one stays")
                .isEqualTo(new ChainHeads.Head(8, "h8"));
        heads.forget("realm-1", new ChainHeads.Head(8, "h8"));
        assertThat(heads.get("realm-1")).isNull();
    }

    @Test
    void hintsALinkAsSoonAsItIsWrittenAndTakesItBackOnRollback() {
        ChainHeads heads = new ChainHeads();
        heads.committed("realm-1", new ChainHeads.Head(7, "h7"));

        heads.appended("realm-1", new ChainHeads.Head(8, "h8"));
        assertThat(heads.get("realm-1")).isEqualTo(new ChainHeads.Head(8, "h8"));
        heads.committed("realm-1", new ChainHeads.Head(7, "h7"));
        assertThat(heads.get("realm-1")).as("a late commit of an older link").isEqualTo(new ChainHeads.Head(8, "h8"));

        heads.rolledBack("realm-1", new ChainHeads.Head(8, "h8"));
        assertThat(heads.get("realm-1")).isNull();
    }

    @Test
    void aRollbackLeavesANewerLinkOfAnotherTransaction() {
        ChainHeads heads = new ChainHeads();
        heads.appended("realm-1", new ChainHeads.Head(8, "h8"));
        heads.appended("realm-1", new ChainHeads.Head(9, "h9"));

        heads.rolledBack("realm-1", new ChainHeads.Head(8, "h8"));

        assertThat(heads.get("realm-1")).isEqualTo(new ChainHeads.Head(9, "h9"));
    }

    @Test
    void aWrittenLinkReplacesAnyHintEvenAnOlderLookingOne() {
        ChainHeads heads = new ChainHeads();
        heads.committed("realm-1", new ChainHeads.Head(50, "h50"));

        // A chain begun anew under a reused realm id: the head row held link 2 when this server appended link 3.
        heads.appended("realm-1", new ChainHeads.Head(3, "n3"));

        assertThat(heads.get("realm-1")).isEqualTo(new ChainHeads.Head(3, "n3"));
    }
}
