package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredCodeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final HashedCode HASH = new HashedCode("kid-1", "hash");

    @Test
    void issueStartsUnusedAndExpiresAfterThePolicyLifetime() {
        StoredCode code = StoredCode.issue("c1", CodePurpose.ACTIVATION, "user-1", HASH, NOW,
                CodePolicy.defaults(CodeKind.SESSION));
        assertThat(code.createdAt()).isEqualTo(NOW);
        assertThat(code.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(code.attempts()).isZero();
        assertThat(code.consumed()).isFalse();

        StoredCode account = StoredCode.issue("c2", CodePurpose.ACCOUNT_LINK, "user-1", HASH, NOW,
                CodePolicy.defaults(CodeKind.ACCOUNT));
        assertThat(account.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void issueRefusesAPolicyForTheOtherKind() {
        assertThatThrownBy(() -> StoredCode.issue("c1", CodePurpose.ACCOUNT_LINK, "user-1", HASH, NOW,
                CodePolicy.defaults(CodeKind.SESSION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACCOUNT_LINK");
    }

    @Test
    void expiryIsExclusive() {
        StoredCode code = StoredCode.issue("c1", CodePurpose.ACTIVATION, "user-1", HASH, NOW,
                CodePolicy.defaults(CodeKind.SESSION));
        assertThat(code.isExpiredAt(code.expiresAt().minusNanos(1))).isFalse();
        assertThat(code.isExpiredAt(code.expiresAt())).isTrue();
        assertThat(code.isExpiredAt(code.expiresAt().plusSeconds(1))).isTrue();
    }

    @Test
    void transitionsReturnNewInstancesAndLeaveTheOriginalAlone() {
        StoredCode code = StoredCode.issue("c1", CodePurpose.ACTIVATION, "user-1", HASH, NOW,
                CodePolicy.defaults(CodeKind.SESSION));
        StoredCode once = code.withFailedAttempt();
        StoredCode twice = once.withFailedAttempt();
        StoredCode used = twice.asConsumed();

        assertThat(code.attempts()).isZero();
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(twice.attempts()).isEqualTo(2);
        assertThat(twice.consumed()).isFalse();
        assertThat(used.consumed()).isTrue();
        assertThat(used.attempts()).isEqualTo(2);
        assertThat(used).usingRecursiveComparison().ignoringFields("consumed").isEqualTo(twice);
    }

    @Test
    void rejectsInconsistentState() {
        Instant later = NOW.plusSeconds(60);
        assertThatThrownBy(() -> new StoredCode("c1", CodePurpose.ACTIVATION, "u", HASH, NOW, NOW, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiresAt");
        assertThatThrownBy(() -> new StoredCode("c1", CodePurpose.ACTIVATION, "u", HASH, later, NOW, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredCode("c1", CodePurpose.ACTIVATION, "u", HASH, NOW, later, -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
        assertThatThrownBy(() -> new StoredCode(" ", CodePurpose.ACTIVATION, "u", HASH, NOW, later, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredCode("c1", CodePurpose.ACTIVATION, "", HASH, NOW, later, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredCode("c1", null, "u", HASH, NOW, later, 0, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoredCode("c1", CodePurpose.ACTIVATION, "u", null, NOW, later, 0, false))
                .isInstanceOf(NullPointerException.class);
    }
}
