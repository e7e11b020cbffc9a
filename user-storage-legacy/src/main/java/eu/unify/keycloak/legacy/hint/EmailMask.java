package eu.unify.keycloak.legacy.hint;

/**
 * Shows an email address the way the login page may show it to someone who only typed an old username:
 * {@code info@example.com} becomes {@code i***@example.com}. Enough for its owner to recognise the mailbox, too
 * little to write to it.
 */
public final class EmailMask {

    private EmailMask() {
    }

    /** The masked address, or null when {@code email} is not an address (nothing to show then). */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return null;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "***" + trimmed.substring(at);
    }
}
