package eu.unify.keycloak.common.mask;

import java.util.Locale;

/**
 * The one way Unify shows an email address it must not show whole: the first character of the local part, three
 * asterisks and the domain, lowercased ({@code Anna.Virtanen@Example.COM} becomes {@code a***@example.com}).
 *
 * <p>The first character is a whole code point (never half of a surrogate pair), lowercased too, so the mask does not
 * tell which case the owner typed; the domain is lowercased because domains are case-insensitive, so an address
 * written in two ways masks to one form. Everything else of the local part is hidden, its length included. Leading
 * and trailing spaces are ignored. The mask of a value that is not an address ({@code anna}, {@code @example.com},
 * {@code anna@}) is {@code null}: a page has nothing to show then; {@link #maskIfAddress} keeps such values instead,
 * for records where a username that is not an address is not a secret.
 */
public final class EmailMask {

    private EmailMask() {
    }

    /** The masked address, or {@code null} when {@code email} is not an address. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return null;
        }
        String first = trimmed.substring(0, trimmed.offsetByCodePoints(0, 1));
        return first.toLowerCase(Locale.ROOT) + "***" + trimmed.substring(at).toLowerCase(Locale.ROOT);
    }

    /** {@code value} masked when it is an address, else unchanged. */
    public static String maskIfAddress(String value) {
        String masked = mask(value);
        return masked == null ? value : masked;
    }
}
