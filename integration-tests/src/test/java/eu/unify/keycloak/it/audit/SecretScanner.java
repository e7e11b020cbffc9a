package eu.unify.keycloak.it.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for secrets in text: each secret as used and URL-encoded (as it travels in a form or a query), as a whole
 * token, i.e. not glued to further letters or digits. The token rule keeps an 8-digit code from matching inside a
 * 13-digit timestamp or a hash, which would be no leak; a code standing on its own, or a password, always matches.
 */
final class SecretScanner {

    /** Shorter secrets would match by chance; the suite's codes have 6 characters or more. */
    static final int MIN_LENGTH = 6;

    /** A secret found: where, at which character, and the secret shown by its first two characters only. */
    record Finding(String source, int offset, String hint) {
        @Override
        public String toString() {
            return hint + " in " + source + " at " + offset;
        }
    }

    private final List<String> needles = new ArrayList<>();

    /** @throws IllegalArgumentException for a secret too short to be looked for safely */
    SecretScanner(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("a secret of " + secret.length() + " characters cannot be scanned"
                        + " for without false alarms (at least " + MIN_LENGTH + ")");
            }
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        needles.addAll(forms);
    }

    int size() {
        return needles.size();
    }

    /** Every occurrence of a secret in {@code text}, which came from {@code source}. */
    List<Finding> scan(String source, CharSequence text) {
        String haystack = text.toString();
        List<Finding> found = new ArrayList<>();
        for (String needle : needles) {
            for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
                if (standsAlone(haystack, at, needle.length())) {
                    found.add(new Finding(source, at, hint(needle)));
                }
            }
        }
        // In the order they stand in the text, whatever the order of the set of secrets.
        found.sort(java.util.Comparator.comparingInt(Finding::offset));
        return found;
    }

    private static boolean standsAlone(String text, int start, int length) {
        int end = start + length;
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    private static String hint(String secret) {
        return "'" + secret.substring(0, 2) + "...' (" + secret.length() + " characters)";
    }
}
