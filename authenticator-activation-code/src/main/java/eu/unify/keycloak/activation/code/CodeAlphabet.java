package eu.unify.keycloak.activation.code;

/**
 * The symbols a code is made of, in the canonical (upper-case ASCII) form that is hashed and stored.
 *
 * <p>Instances are immutable; the two alphabets in use are constants.
 */
public final class CodeAlphabet {

    /** Decimal digits, for codes the user types in a session (easy on a phone's numeric keypad). */
    public static final CodeAlphabet DIGITS = new CodeAlphabet("0123456789");

    /**
     * Crockford's base 32: digits and upper-case letters without I, L, O (look-alikes of 1 and 0) and U (avoids
     * accidental words). 32 symbols, so each one carries exactly 5 bits.
     */
    public static final CodeAlphabet CROCKFORD_BASE32 = new CodeAlphabet("0123456789ABCDEFGHJKMNPQRSTVWXYZ");

    private final String symbols;

    private CodeAlphabet(String symbols) {
        this.symbols = symbols;
    }

    /** The symbols in index order. */
    public String symbols() {
        return symbols;
    }

    /** Number of symbols; at most 256 so one random byte can pick a symbol. */
    public int size() {
        return symbols.length();
    }

    /** The symbol at {@code index} (0 &le; index &lt; {@link #size()}). */
    public char symbolAt(int index) {
        return symbols.charAt(index);
    }

    /** Whether {@code symbol} is one of this alphabet's canonical symbols. */
    public boolean contains(char symbol) {
        return symbols.indexOf(symbol) >= 0;
    }

    /** Whether every character of {@code text} is a canonical symbol of this alphabet. */
    public boolean containsAll(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!contains(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Entropy of one uniformly drawn symbol, in bits. */
    public double bitsPerSymbol() {
        return Math.log(size()) / Math.log(2);
    }

    @Override
    public String toString() {
        return symbols;
    }
}
