package eu.unify.keycloak.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    @Test
    void hashIsSha256HexOverTheLinkedRecord() {
        AuditRecord link = Records.login(1).chained(1, AuditChain.GENESIS);
        assertThat(link.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hash(link));
        assertThat(link.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(link.seq()).isEqualTo(1);
    }

    /**
     * Pins the hashed form: records stored by earlier versions are verified with this code, so a change to the
     * canonical text (field order, separators, encoding) would report every existing chain as broken. The expected
     * values were computed outside the code under test (SHA-256 of the literal text below).
     */
    @Test
    void theHashedFormOfARecordNeverChanges() {
        AuditRecord link = Records.login(1).chained(1, AuditChain.GENESIS);
        assertThat(AuditChain.canonical(link)).isEqualTo("2:v1|64:" + AuditChain.GENESIS + "|1:1|4:id-1|7:realm-1|"
                + "13:1700000000001|4:USER|5:LOGIN|7:SUCCESS|-|6:user-1|17:user1@example.com|3:app|8:10.0.0.1|"
                + "9:session-1|-|-|1:1|11:auth_method|14:openid-connect|");
        assertThat(link.hash()).isEqualTo("6ce07f5400fd45d54c5c762ff7cc36f20af34e3043a98e34dfa27da01dda329b");
    }

    @Test
    void sameRecordSameHashAnyFieldChangedOtherHash() {
        AuditRecord link = Records.login(1).chained(1, AuditChain.GENESIS);
        assertThat(Records.login(1).chained(1, AuditChain.GENESIS).hash()).isEqualTo(link.hash());
        assertThat(AuditChain.hash(Records.withIp(link, "10.0.0.9"))).isNotEqualTo(link.hash());
        assertThat(Records.login(1).chained(2, AuditChain.GENESIS).hash()).isNotEqualTo(link.hash());
        assertThat(Records.login(1).chained(1, "f".repeat(64)).hash()).isNotEqualTo(link.hash());
    }

    @Test
    void movingCharactersBetweenFieldsChangesTheHash() {
        AuditRecord a = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN", null, "ab", "c", null, null, null, null,
                null, Map.of());
        AuditRecord b = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN", null, "a", "bc", null, null, null, null,
                null, Map.of());
        assertThat(a.chained(1, AuditChain.GENESIS).hash()).isNotEqualTo(b.chained(1, AuditChain.GENESIS).hash());
    }

    @Test
    void nullAndEmptyAreDifferent() {
        AuditRecord empty = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN", null, "", null, null, null, null,
                null, null, Map.of());
        AuditRecord none = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN", null, null, null, null, null, null,
                null, null, Map.of());
        assertThat(AuditChain.canonical(empty)).isNotEqualTo(AuditChain.canonical(none));
    }

    @Test
    void detailsAreHashed() {
        AuditRecord one = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN", null, null, null, null, null, null,
                null, null, Map.of("auth_method", "openid-connect"));
        AuditRecord other = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN", null, null, null, null, null, null,
                null, null, Map.of("auth_method", "saml"));
        assertThat(one.chained(1, AuditChain.GENESIS).hash()).isNotEqualTo(other.chained(1, AuditChain.GENESIS).hash());
    }

    @Test
    void errorMakesAFailureAndLongValuesAreCutBeforeHashing() {
        AuditRecord failed = AuditRecord.unchained("i", "r", 1, "USER", "LOGIN_ERROR", "invalid_user_credentials",
                null, "x".repeat(300), null, null, null, null, null, null);
        assertThat(failed.outcome()).isEqualTo(AuditRecord.FAILURE);
        assertThat(failed.username()).hasSize(255);
        assertThat(failed.details()).isEmpty();
        assertThat(Records.login(1).outcome()).isEqualTo(AuditRecord.SUCCESS);
    }
}
