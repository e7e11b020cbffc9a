package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeKindTest {

    @Test
    void sessionCodesAreNumericSixToTwelveDefaultEight() {
        assertThat(CodeKind.SESSION.alphabet()).isSameAs(CodeAlphabet.DIGITS);
        assertThat(CodeKind.SESSION.minLength()).isEqualTo(6);
        assertThat(CodeKind.SESSION.maxLength()).isEqualTo(12);
        assertThat(CodeKind.SESSION.defaultLength()).isEqualTo(8);
        assertThat(CodeKind.SESSION.groupSize()).isZero();
    }

    @Test
    void accountCodesDefaultToFourteenCrockfordSymbolsOfSeventyBits() {
        assertThat(CodeKind.ACCOUNT.alphabet()).isSameAs(CodeAlphabet.CROCKFORD_BASE32);
        assertThat(CodeKind.ACCOUNT.defaultLength()).isEqualTo(14);
        assertThat(CodeKind.ACCOUNT.entropyBits(14)).isEqualTo(70.0);
        assertThat(CodeKind.ACCOUNT.groupSize()).isEqualTo(4);
    }

    @Test
    void everyAllowedAccountLengthHasAtLeast64Bits() {
        assertThat(CodeKind.ACCOUNT.entropyBits(CodeKind.ACCOUNT.minLength()))
                .isGreaterThanOrEqualTo(CodeKind.MIN_ACCOUNT_ENTROPY_BITS);
        // The minimum is tight: one symbol less would fall below the floor.
        assertThat(CodeKind.ACCOUNT.entropyBits(CodeKind.ACCOUNT.minLength() - 1))
                .isLessThan(CodeKind.MIN_ACCOUNT_ENTROPY_BITS);
    }

    @Test
    void accountCodesAreShownInGroupsOfFour() {
        assertThat(CodeKind.ACCOUNT.display("K7Q29XMD4TPAR3")).isEqualTo("K7Q2-9XMD-4TPA-R3");
        assertThat(CodeKind.ACCOUNT.display("K7Q29XMD4TPAR3ZZ")).isEqualTo("K7Q2-9XMD-4TPA-R3ZZ");
        assertThat(CodeKind.ACCOUNT.display("K7Q29XMD4TPAR")).isEqualTo("K7Q2-9XMD-4TPA-R");
    }

    @Test
    void sessionCodesAreShownUngrouped() {
        assertThat(CodeKind.SESSION.display("12345678")).isEqualTo("12345678");
    }

    @Test
    void lengthsOutsideTheRangeAreRejectedWithTheRangeInTheMessage() {
        assertThat(CodeKind.SESSION.requireValidLength(6)).isEqualTo(6);
        assertThat(CodeKind.SESSION.requireValidLength(12)).isEqualTo(12);
        assertThatThrownBy(() -> CodeKind.SESSION.requireValidLength(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 6 and 12");
        assertThatThrownBy(() -> CodeKind.SESSION.requireValidLength(13))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeKind.ACCOUNT.requireValidLength(12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ACCOUNT");
    }
}
