package eu.unify.keycloak.audit.record;

/**
 * Masks the local part of an email address kept in an audit record ({@code anna.virtanen@example.com} becomes
 * {@code a***@example.com}) when ops switch masking on: the domain still tells which customer acted.
 */
public final class EmailMask {

    private EmailMask() {
    }

    /** {@code value} with an email address's local part masked; anything that is not an address is unchanged. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return value;
        }
        return value.charAt(0) + "***" + value.substring(at);
    }
}
