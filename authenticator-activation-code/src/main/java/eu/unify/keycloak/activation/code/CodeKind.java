package eu.unify.keycloak.activation.code;

/**
 * The two shapes of code, which differ in how they are used and therefore in how strong they must be.
 *
 * <ul>
 *   <li>{@link #SESSION}: typed by a user inside an authentication session that already knows who they are. Guessing
 *       is bounded by the per-code attempt limit, so a short numeric code is enough.</li>
 *   <li>{@link #ACCOUNT}: identifies an account on its own (no user is known when it is typed), so a wrong guess
 *       cannot be charged to any code. Its strength must come from entropy alone: at least
 *       {@value #MIN_ACCOUNT_ENTROPY_BITS} bits.</li>
 * </ul>
 */
public enum CodeKind {

    /** Numeric, length 6..12, default 8, shown ungrouped. */
    SESSION(CodeAlphabet.DIGITS, 6, 12, 8, 0),

    /**
     * Crockford base 32, length 13..20 (65..100 bits), default 14 (70 bits), shown in groups of 4 such as
     * {@code K7Q2-9XMD-4TPA-R3}.
     */
    ACCOUNT(CodeAlphabet.CROCKFORD_BASE32, 13, 20, 14, 4);

    /** The floor for codes that identify an account without a known user. */
    public static final int MIN_ACCOUNT_ENTROPY_BITS = 64;

    /** Separator between display groups; the normaliser strips it again. */
    public static final char GROUP_SEPARATOR = '-';

    private final CodeAlphabet alphabet;
    private final int minLength;
    private final int maxLength;
    private final int defaultLength;
    private final int groupSize;

    CodeKind(CodeAlphabet alphabet, int minLength, int maxLength, int defaultLength, int groupSize) {
        this.alphabet = alphabet;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.defaultLength = defaultLength;
        this.groupSize = groupSize;
    }

    public CodeAlphabet alphabet() {
        return alphabet;
    }

    /** Shortest length an admin may configure. */
    public int minLength() {
        return minLength;
    }

    /** Longest length an admin may configure. */
    public int maxLength() {
        return maxLength;
    }

    public int defaultLength() {
        return defaultLength;
    }

    /** Symbols per display group, or 0 when the code is shown as one block. */
    public int groupSize() {
        return groupSize;
    }

    /** Entropy of a uniformly generated code of {@code length} symbols, in bits. */
    public double entropyBits(int length) {
        return length * alphabet.bitsPerSymbol();
    }

    /**
     * Fails unless {@code length} is allowed for this kind.
     *
     * @throws IllegalArgumentException with the allowed range in the message
     */
    public int requireValidLength(int length) {
        if (length < minLength || length > maxLength) {
            throw new IllegalArgumentException("length of " + name() + " codes must be between " + minLength
                    + " and " + maxLength + " symbols, was " + length);
        }
        return length;
    }

    /**
     * Formats a canonical code for reading: groups of {@link #groupSize()} joined by {@value #GROUP_SEPARATOR}.
     * Session codes are returned as they are.
     */
    public String display(String normalizedCode) {
        if (groupSize == 0) {
            return normalizedCode;
        }
        StringBuilder shown = new StringBuilder(normalizedCode.length() + normalizedCode.length() / groupSize);
        for (int i = 0; i < normalizedCode.length(); i++) {
            if (i > 0 && i % groupSize == 0) {
                shown.append(GROUP_SEPARATOR);
            }
            shown.append(normalizedCode.charAt(i));
        }
        return shown.toString();
    }
}
