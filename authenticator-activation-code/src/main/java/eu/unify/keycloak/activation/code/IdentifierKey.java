package eu.unify.keycloak.activation.code;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The canonical form of what a visitor typed to name an account, so that variants of one identifier share one state:
 * surrounding whitespace removed, Unicode compatibility-composed (NFKC), case-folded. {@code " Anna@Example.COM "}
 * and {@code "anna@example.com"} are one identifier; a username and the email address of the same account are two.
 */
public final class IdentifierKey {

    private IdentifierKey() {
    }

    /** The canonical form; an empty string for null. NUL characters are dropped (they cannot be typed in a form). */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String composed = Normalizer.normalize(typed.strip(), Normalizer.Form.NFKC);
        return composed.replace("\0", "").toLowerCase(Locale.ROOT);
    }
}
