package eu.unify.keycloak.activation.code;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a user typed or pasted into a code's canonical form, forgivingly, and recognises input that cannot be a
 * code so the caller can say "that is not a valid code" without touching the store or spending an attempt.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Input longer than {@value #MAX_INPUT_LENGTH} characters is rejected outright (no work on absurd input).</li>
 *   <li>Unicode NFKC, which folds full-width letters and digits, ideographic and no-break spaces, and similar
 *       compatibility forms onto their plain equivalents.</li>
 *   <li>Whitespace (including no-break spaces), invisible format characters (zero-width spaces and joiners, word
 *       joiner, byte-order mark, soft hyphen, direction marks) and every hyphen, dash and minus sign are removed.</li>
 *   <li>Decimal digits of other scripts (for example Arabic-Indic) become ASCII digits.</li>
 *   <li>Upper-casing with {@link Locale#ROOT}, so a Turkish locale cannot change the result.</li>
 *   <li>Look-alikes are mapped: {@code O} to {@code 0}, {@code I} and {@code L} to {@code 1}. These letters are not in
 *       any alphabet, and both digits are, so the mapping never makes two codes equal that were generated different.</li>
 *   <li>The result must have exactly the expected length and consist only of the kind's alphabet.</li>
 * </ol>
 */
public final class CodeNormalizer {

    /** Longest raw input considered at all; a 20-symbol account code with separators and spaces fits easily. */
    public static final int MAX_INPUT_LENGTH = 64;

    private CodeNormalizer() {
    }

    /** Normalises input for a code of the policy's kind and length. */
    public static Optional<String> normalize(String input, CodePolicy policy) {
        return normalize(input, policy.kind(), policy.length());
    }

    /**
     * The canonical form of {@code input} as a code of {@code kind} with exactly {@code length} symbols, or empty if
     * the input cannot be such a code.
     */
    public static Optional<String> normalize(String input, CodeKind kind, int length) {
        Objects.requireNonNull(kind, "kind");
        return canonical(input)
                .filter(code -> code.length() == length && kind.alphabet().containsAll(code));
    }

    /**
     * The canonical form of {@code input} as a code of {@code kind} of any length the kind allows, or empty. For codes
     * that were issued days ago: an admin may have changed the configured length since, which must not void them.
     */
    public static Optional<String> normalize(String input, CodeKind kind) {
        Objects.requireNonNull(kind, "kind");
        return canonical(input).filter(code -> code.length() >= kind.minLength() && code.length() <= kind.maxLength()
                && kind.alphabet().containsAll(code));
    }

    private static Optional<String> canonical(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(input, Normalizer.Form.NFKC);

        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().forEach(codePoint -> {
            if (isIgnorable(codePoint)) {
                return;
            }
            if (Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER) {
                kept.append((char) ('0' + Character.digit(codePoint, 10)));
            } else {
                kept.appendCodePoint(codePoint);
            }
        });

        String upper = kept.toString().toUpperCase(Locale.ROOT);
        StringBuilder canonical = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            canonical.append(mapLookAlike(upper.charAt(i)));
        }

        return Optional.of(canonical.toString());
    }

    private static boolean isIgnorable(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.DASH_PUNCTUATION
                || codePoint == '\u2212'  // minus sign (a math symbol, not dash punctuation)
                || codePoint == '\u2043'; // hyphen bullet
    }

    private static char mapLookAlike(char c) {
        switch (c) {
            case 'O':
                return '0';
            case 'I':
            case 'L':
                return '1';
            default:
                return c;
        }
    }
}
