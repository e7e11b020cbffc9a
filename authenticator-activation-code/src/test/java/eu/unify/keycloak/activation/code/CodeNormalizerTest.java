package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeNormalizerTest {

    private static final String ACCOUNT_CODE = "K7Q29XMD4TPAR3";

    private static java.util.Optional<String> account(String input) {
        return CodeNormalizer.normalize(input, CodeKind.ACCOUNT, 14);
    }

    private static java.util.Optional<String> session(String input) {
        return CodeNormalizer.normalize(input, CodeKind.SESSION, 8);
    }

    @Test
    void acceptsTheMessyInputFromTheIssue() {
        // hyphen-minus, en dash, spaces, lower case
        assertThat(account(" k7q2 - 9xmd\u20134tpa r3 ")).contains(ACCOUNT_CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "K7Q2-9XMD-4TPA-R3",
        "k7q29xmd4tpar3",
        "K7Q2\u00A09XMD\u00A04TPA\u00A0R3",          // no-break spaces
        "K7Q2\u202F9XMD\u20074TPA R3",               // narrow no-break and figure space
        "K7Q2\u200B9XMD\u200C4TPA\u200DR3\u2060",    // zero-width space, non-joiner, joiner, word joiner
        "\uFEFFK7Q2\u00AD9XMD\u200E4TPA\u200FR3",    // BOM, soft hyphen, LRM, RLM
        "K7Q2\u20109XMD\u20114TPA\u2012R3",          // hyphen, non-breaking hyphen, figure dash
        "K7Q2\u20149XMD\u20154TPA\u2212R3",          // em dash, horizontal bar, minus sign
        "K7Q2\uFE639XMD\uFF0D4TPA\u2043R3",          // small hyphen-minus, full-width hyphen-minus, hyphen bullet
        "\uFF2B\uFF17\uFF31\uFF12\u3000\uFF19\uFF38\uFF2D\uFF24 4TPA R3", // full-width letters, ideographic space
        "K7Q2\t9XMD\n4TPA\r\nR3",
    })
    void ignoresSpacesDashesInvisiblesAndCase(String input) {
        assertThat(account(input)).contains(ACCOUNT_CODE);
    }

    @Test
    void mapsTypedLookAlikesOntoTheDigitsInTheAlphabet() {
        // Generated code "10Z0..." read as letters: O for 0, I or l for 1.
        assertThat(account("IOZO-9XMD-4TPA-R3")).contains("10Z09XMD4TPAR3");
        assertThat(account("lozo-9xmd-4tpa-r3")).contains("10Z09XMD4TPAR3");
        assertThat(account("Lo Zo 9XMD 4TPA R3")).contains("10Z09XMD4TPAR3");
        assertThat(session("I2345678")).contains("12345678");
        assertThat(session("O0l2345I")).contains("00123451");
    }

    @Test
    void rejectsULikeCrockford() {
        assertThat(account("U7Q2-9XMD-4TPA-R3")).isEmpty();
        assertThat(account("u7q2-9xmd-4tpa-r3")).isEmpty();
    }

    @Test
    void sessionCodesAcceptOnlyDigits() {
        assertThat(session("1234 5678")).contains("12345678");
        assertThat(session("1234-5678")).contains("12345678");
        assertThat(session("1234567A")).isEmpty();
        assertThat(session("1234567Z")).isEmpty();
    }

    @Test
    void digitsOfOtherScriptsCountAsDigits() {
        // Arabic-Indic and full-width digits, as typed on some keyboards.
        assertThat(session("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668")).contains("12345678");
        assertThat(session("\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18")).contains("12345678");
    }

    @Test
    void localeDoesNotChangeTheResult() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            // In Turkish, "i".toUpperCase() is a dotted capital I that is not in any alphabet.
            assertThat(account("k7q2-9xmd-4tpa-r3")).contains(ACCOUNT_CODE);
            assertThat(session("i2345678")).contains("12345678");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "K7Q2-9XMD-4TPA-R",       // one symbol short
        "K7Q2-9XMD-4TPA-R3X",     // one symbol too many
        "K7Q2.9XMD.4TPA.R3",      // dots are not separators
        "K7Q2_9XMD_4TPA_R3",
        "K7Q2-9XMD-4TPA-R\u00E9", // accented letter
        "K7Q2-9XMD-4TPA-R\uD83D\uDE00", // emoji
        "'; DROP TABLE codes;--",
        "",
        "   ",
        "----",
    })
    void rejectsWhatCannotBeAnAccountCode(String input) {
        assertThat(account(input)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(account(null)).isEmpty();
        assertThat(session(null)).isEmpty();
    }

    @Test
    void rejectsOverlongInputEvenIfItWouldReduceToACode() {
        String padded = ACCOUNT_CODE + " ".repeat(CodeNormalizer.MAX_INPUT_LENGTH - ACCOUNT_CODE.length());
        assertThat(padded).hasSize(64);
        assertThat(account(padded)).contains(ACCOUNT_CODE);
        assertThat(account(padded + " ")).isEmpty();
        assertThat(account("1".repeat(10_000))).isEmpty();
    }

    @Test
    void requiresTheExactConfiguredLength() {
        assertThat(CodeNormalizer.normalize("123456", CodeKind.SESSION, 6)).contains("123456");
        assertThat(CodeNormalizer.normalize("123456", CodeKind.SESSION, 8)).isEmpty();
        assertThat(CodeNormalizer.normalize("1234567", CodeKind.SESSION, 6)).isEmpty();
    }

    @Test
    void withoutALengthAcceptsEveryLengthTheKindAllows() {
        // Account codes are typed days after they were issued; a changed length setting must not void them.
        assertThat(CodeNormalizer.normalize("k7q2-9xmd-4tpa-r", CodeKind.ACCOUNT)).contains("K7Q29XMD4TPAR");
        assertThat(CodeNormalizer.normalize("K7Q2-9XMD-4TPA-R3", CodeKind.ACCOUNT)).contains(ACCOUNT_CODE);
        assertThat(CodeNormalizer.normalize("K7Q2-9XMD-4TPA-R3K7-Q2", CodeKind.ACCOUNT)).contains("K7Q29XMD4TPAR3K7Q2");
        assertThat(CodeNormalizer.normalize("K7Q2-9XMD-4TPA", CodeKind.ACCOUNT)).as("12 symbols, below 64 bits").isEmpty();
        assertThat(CodeNormalizer.normalize("K7Q2-9XMD-4TPA-R3K7-Q2K7-Q", CodeKind.ACCOUNT)).as("21 symbols").isEmpty();
        assertThat(CodeNormalizer.normalize("K7Q2-9XMD-4TPA-RU", CodeKind.ACCOUNT)).isEmpty();
        assertThat(CodeNormalizer.normalize(null, CodeKind.ACCOUNT)).isEmpty();
    }

    @Test
    void usesThePolicyLength() {
        CodePolicy sixDigits = new CodePolicy(CodeKind.SESSION, 6, java.time.Duration.ofMinutes(10), 5,
                java.time.Duration.ofSeconds(60), 5);
        assertThat(CodeNormalizer.normalize("12 34 56", sixDigits)).contains("123456");
        assertThat(CodeNormalizer.normalize("12345678", sixDigits)).isEmpty();
    }

    @Test
    void resultIsAlwaysAcceptedByTheHasher() {
        // The hasher refuses non-canonical input; whatever the normaliser returns must pass it.
        CodeHasher hasher = new CodeHasher("k", new byte[32]);
        String canonical = account(" k7q2 - 9xmd\u20134tpa r3 ").orElseThrow();
        assertThat(hasher.hashAccountCode(CodePurpose.ACCOUNT_LINK, canonical).hash()).isNotBlank();
    }
}
