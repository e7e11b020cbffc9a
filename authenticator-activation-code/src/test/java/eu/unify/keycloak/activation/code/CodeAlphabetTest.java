package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeAlphabetTest {

    @Test
    void crockfordHas32DistinctUpperCaseSymbols() {
        String symbols = CodeAlphabet.CROCKFORD_BASE32.symbols();
        assertThat(symbols).hasSize(32);
        assertThat(symbols.chars().distinct().count()).isEqualTo(32);
        assertThat(symbols).matches("[0-9A-Z]+");
        assertThat(CodeAlphabet.CROCKFORD_BASE32.bitsPerSymbol()).isEqualTo(5.0);
    }

    @Test
    void crockfordLeavesOutLettersThatLookLikeDigitsAndU() {
        for (char lookAlike : "ILOU".toCharArray()) {
            assertThat(CodeAlphabet.CROCKFORD_BASE32.contains(lookAlike)).as("contains %s", lookAlike).isFalse();
        }
    }

    @Test
    void noLowerCaseInAnyAlphabet() {
        assertThat(CodeAlphabet.CROCKFORD_BASE32.symbols()).isEqualTo(
                CodeAlphabet.CROCKFORD_BASE32.symbols().toUpperCase(java.util.Locale.ROOT));
        assertThat(CodeAlphabet.CROCKFORD_BASE32.contains('a')).isFalse();
    }

    @Test
    void digitsAreExactlyTheTenAsciiDigits() {
        assertThat(CodeAlphabet.DIGITS.symbols()).isEqualTo("0123456789");
        assertThat(CodeAlphabet.DIGITS.size()).isEqualTo(10);
    }

    @Test
    void containsAllChecksEveryCharacter() {
        assertThat(CodeAlphabet.DIGITS.containsAll("0123456789")).isTrue();
        assertThat(CodeAlphabet.DIGITS.containsAll("01234A")).isFalse();
        assertThat(CodeAlphabet.CROCKFORD_BASE32.containsAll("K7Q29XMD4TPAR3")).isTrue();
        assertThat(CodeAlphabet.CROCKFORD_BASE32.containsAll("K7Q2-9XMD")).isFalse();
    }
}
