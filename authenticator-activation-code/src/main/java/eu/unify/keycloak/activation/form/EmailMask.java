package eu.unify.keycloak.activation.form;

import java.util.Locale;

/** Shows an address so its owner recognises it while onlookers learn little: {@code a***@example.com}. */
public final class EmailMask {

    private EmailMask() {
    }

    /** The masked address, or {@code null} when the input is not an email address. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at < 1 || at == trimmed.length() - 1) {
            return null;
        }
        return trimmed.substring(0, 1) + "***" + trimmed.substring(at).toLowerCase(Locale.ROOT);
    }
}
