package eu.unify.keycloak.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChainVerificationTest {

    @Test
    void intactChainIsValid() {
        List<AuditRecord> chain = Records.chain(5);
        ChainVerification.Result result = verify(chain, 0, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.brokenSeq()).isNull();
    }

    @Test
    void emptyChainIsValid() {
        assertThat(verify(List.of(), 0, AuditChain.GENESIS, 0, AuditChain.GENESIS).valid()).isTrue();
    }

    @Test
    void alteredRecordIsTheFirstBrokenLink() {
        List<AuditRecord> chain = new ArrayList<>(Records.chain(5));
        chain.set(2, Records.withIp(chain.get(2), "6.6.6.6"));
        ChainVerification.Result result = verify(chain, 0, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(3);
        assertThat(result.brokenId()).isEqualTo("id-3");
        assertThat(result.reason()).contains("altered");
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void alteredAndRehashedRecordBreaksTheNextLink() {
        List<AuditRecord> chain = new ArrayList<>(Records.chain(5));
        AuditRecord forged = Records.withIp(chain.get(2), "6.6.6.6");
        chain.set(2, forged.chained(3, forged.prevHash()));
        ChainVerification.Result result = verify(chain, 0, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(result.brokenSeq()).isEqualTo(4);
        assertThat(result.reason()).contains("previous");
    }

    @Test
    void removedRecordInTheMiddleIsAGap() {
        List<AuditRecord> chain = new ArrayList<>(Records.chain(5));
        chain.remove(1);
        ChainVerification.Result result = verify(chain, 0, AuditChain.GENESIS, 5, chain.get(3).hash());
        assertThat(result.brokenSeq()).isEqualTo(3);
        assertThat(result.reason()).contains("records 2 to 2 are missing");
    }

    @Test
    void removedRecordsAtTheEndAreDetectedByTheHead() {
        List<AuditRecord> chain = Records.chain(5);
        ChainVerification.Result result = verify(chain.subList(0, 3), 0, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(4);
        assertThat(result.reason()).contains("records 4 to 5 are missing");
    }

    @Test
    void removedRecordsAtTheStartAreDetectedByTheAnchor() {
        List<AuditRecord> chain = Records.chain(5);
        ChainVerification.Result result = verify(chain.subList(2, 5), 0, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(3);
    }

    @Test
    void purgedStartIsValidFromTheAnchor() {
        List<AuditRecord> chain = Records.chain(5);
        ChainVerification.Result result = verify(chain.subList(2, 5), 2, chain.get(1).hash(), 5, chain.get(4).hash());
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void everythingPurgedIsValid() {
        List<AuditRecord> chain = Records.chain(3);
        assertThat(verify(List.of(), 3, chain.get(2).hash(), 3, chain.get(2).hash()).valid()).isTrue();
    }

    private static ChainVerification.Result verify(List<AuditRecord> records, long anchorSeq, String anchorHash,
                                                   long headSeq, String headHash) {
        ChainVerification verification = new ChainVerification(anchorSeq, anchorHash);
        for (AuditRecord record : records) {
            if (!verification.accept(record)) {
                break;
            }
        }
        return verification.finish(headSeq, headHash);
    }
}
