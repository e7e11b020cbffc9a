package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    /** Chi-square critical values at p = 0.001: a fair generator fails these one time in a thousand seeds. */
    private static final double CHI_SQUARE_31_DF_P001 = 61.098;
    private static final double CHI_SQUARE_9_DF_P001 = 27.877;

    @Test
    void sessionCodesHaveTheRequestedLengthAndOnlyDigits() {
        CodeGenerator generator = new CodeGenerator(seeded(1));
        for (int length = CodeKind.SESSION.minLength(); length <= CodeKind.SESSION.maxLength(); length++) {
            for (int i = 0; i < 50; i++) {
                GeneratedCode code = generator.generate(CodeKind.SESSION, length);
                assertThat(code.kind()).isEqualTo(CodeKind.SESSION);
                assertThat(code.normalized()).hasSize(length).matches("[0-9]+");
                assertThat(code.display()).isEqualTo(code.normalized());
            }
        }
    }

    @Test
    void defaultSessionCodeIsEightDigits() {
        assertThat(new CodeGenerator(seeded(2)).generate(CodeKind.SESSION).normalized()).matches("[0-9]{8}");
    }

    @Test
    void accountCodesUseOnlyTheCrockfordAlphabetAndAreShownGrouped() {
        CodeGenerator generator = new CodeGenerator(seeded(3));
        for (int i = 0; i < 500; i++) {
            GeneratedCode code = generator.generate(CodeKind.ACCOUNT);
            assertThat(code.normalized()).hasSize(14).matches("[0-9A-HJKMNP-TV-Z]{14}");
            assertThat(code.normalized()).doesNotContain("I", "L", "O", "U");
            assertThat(code.display()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}");
            assertThat(code.display().replace("-", "")).isEqualTo(code.normalized());
        }
    }

    @Test
    void defaultAccountCodeCarriesAtLeast64Bits() {
        GeneratedCode code = new CodeGenerator(seeded(4)).generate(CodeKind.ACCOUNT);
        assertThat(CodeKind.ACCOUNT.entropyBits(code.normalized().length())).isGreaterThanOrEqualTo(64);
    }

    @Test
    void followsThePolicyKindAndLength() {
        CodePolicy policy = new CodePolicy(CodeKind.SESSION, 10, CodePolicy.defaultLifetime(CodeKind.SESSION), 5,
                CodePolicy.DEFAULT_RESEND_COOLDOWN, 5);
        assertThat(new CodeGenerator(seeded(5)).generate(policy).normalized()).matches("[0-9]{10}");
    }

    @Test
    void generatedDisplayFormNormalizesBackToTheSameCode() {
        CodeGenerator generator = new CodeGenerator(seeded(6));
        for (int i = 0; i < 200; i++) {
            GeneratedCode account = generator.generate(CodeKind.ACCOUNT);
            assertThat(CodeNormalizer.normalize(account.display(), CodeKind.ACCOUNT, 14)).contains(account.normalized());
            GeneratedCode session = generator.generate(CodeKind.SESSION);
            assertThat(CodeNormalizer.normalize(session.display(), CodeKind.SESSION, 8)).contains(session.normalized());
        }
    }

    @Test
    void theInjectedRandomDecidesTheCodes() {
        List<String> first = draw(new CodeGenerator(seeded(42)), 20);
        List<String> same = draw(new CodeGenerator(seeded(42)), 20);
        List<String> other = draw(new CodeGenerator(seeded(43)), 20);
        assertThat(same).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void accountCodesDoNotRepeat() {
        CodeGenerator generator = new CodeGenerator(seeded(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(generator.generate(CodeKind.ACCOUNT).normalized())).isTrue();
        }
    }

    @Test
    void accountSymbolsAreUniform() {
        CodeGenerator generator = new CodeGenerator(seeded(8));
        String alphabet = CodeAlphabet.CROCKFORD_BASE32.symbols();
        long[] counts = new long[alphabet.length()];
        int codes = 2_000;
        for (int i = 0; i < codes; i++) {
            for (char c : generator.generate(CodeKind.ACCOUNT).normalized().toCharArray()) {
                counts[alphabet.indexOf(c)]++;
            }
        }
        assertThat(counts).doesNotContain(0L);
        assertThat(chiSquare(counts)).isLessThan(CHI_SQUARE_31_DF_P001);
    }

    @Test
    void sessionDigitsAreUniformAtEveryPosition() {
        CodeGenerator generator = new CodeGenerator(seeded(9));
        int codes = 5_000;
        long[][] counts = new long[8][10];
        for (int i = 0; i < codes; i++) {
            String code = generator.generate(CodeKind.SESSION).normalized();
            for (int position = 0; position < 8; position++) {
                counts[position][code.charAt(position) - '0']++;
            }
        }
        for (long[] position : counts) {
            assertThat(position).doesNotContain(0L);
            assertThat(chiSquare(position)).isLessThan(CHI_SQUARE_9_DF_P001);
        }
    }

    @Test
    void chiSquareCheckDetectsABiasedSource() {
        // Guards the uniformity tests: a source that favours low digits like "byte % 10" does must fail them.
        long[] biased = new long[10];
        for (int b = 0; b < 256; b++) {
            biased[b % 10] += 1_000;
        }
        assertThat(chiSquare(biased)).isGreaterThan(CHI_SQUARE_9_DF_P001);
    }

    @Test
    void bytesThatWouldBiasDigitsAreRejected() {
        // 250..255 would make 0..5 more likely than 6..9 under plain modulo; they must be skipped.
        ScriptedRandom random = new ScriptedRandom(250, 251, 252, 253, 254, 255, 7, 11, 22, 33, 44, 55);
        GeneratedCode code = new CodeGenerator(random).generate(CodeKind.SESSION, 6);
        assertThat(code.normalized()).isEqualTo("712345");
    }

    @Test
    void drawsMoreBytesWhenTooManyWereRejected() {
        int[] script = new int[6 + 8 + 6];
        for (int i = 0; i < 14; i++) {
            script[i] = 255;
        }
        for (int i = 0; i < 6; i++) {
            script[14 + i] = 100 + i;
        }
        ScriptedRandom random = new ScriptedRandom(script);
        assertThat(new CodeGenerator(random).generate(CodeKind.SESSION, 6).normalized()).isEqualTo("012345");
        assertThat(random.calls).isEqualTo(2);
    }

    @Test
    void everyByteIsUsableForThe32SymbolAlphabet() {
        ScriptedRandom random = new ScriptedRandom(255, 32, 63, 0, 1, 33, 17, 18, 19, 20, 21, 22, 23, 24);
        assertThat(new CodeGenerator(random).generate(CodeKind.ACCOUNT, 14).normalized())
                .isEqualTo("Z0Z011HJKMNPQR");
    }

    @Test
    void rejectsLengthsTheKindDoesNotAllow() {
        CodeGenerator generator = new CodeGenerator(seeded(10));
        assertThatThrownBy(() -> generator.generate(CodeKind.SESSION, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.generate(CodeKind.SESSION, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.generate(CodeKind.ACCOUNT, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsARandomSource() {
        assertThatThrownBy(() -> new CodeGenerator(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringDoesNotRevealTheCode() {
        GeneratedCode code = new CodeGenerator(seeded(11)).generate(CodeKind.ACCOUNT);
        assertThat(code.toString()).doesNotContain(code.normalized()).doesNotContain(code.display())
                .contains("redacted");
    }

    static SecureRandom seeded(long seed) {
        try {
            // SHA1PRNG seeded before first use is deterministic: good for tests, never for production.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> draw(CodeGenerator generator, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(generator.generate(CodeKind.ACCOUNT).normalized());
        }
        return codes;
    }

    private static double chiSquare(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double expected = (double) total / counts.length;
        double sum = 0;
        for (long count : counts) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }

    /** Hands out fixed bytes, then zeros, so the sampling can be checked byte by byte. */
    private static final class ScriptedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final int[] script;
        private int position;
        int calls;

        ScriptedRandom(int... script) {
            this.script = script;
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            calls++;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = position < script.length ? (byte) script[position++] : 0;
            }
        }
    }
}
