package eu.unify.keycloak.entitlements.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses an invitation may go to: plain ASCII {@code local@domain} (RFC 5321 dot-atom local part, host name
 * of letters, digits and inner hyphens), which every mail server accepts as it is. Refused: quoted local parts and
 * anything with {@code < > " ( ) , ; : \ [ ]}, spaces, control or non-ASCII characters (an internationalised domain
 * is written in its {@code xn--} form), empty labels and a trailing dot. The realm's user profile checks the
 * address again (as email and as username), with its own, usually stricter, rules.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddress() {
    }

    public static boolean isPlain(String address) {
        if (address == null || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at != address.indexOf('@') || at > 64) {
            return false;
        }
        return LOCAL.matcher(address.substring(0, at)).matches() && isHostName(address.substring(at + 1));
    }

    /** The domain of a plain address, in lower case. */
    public static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isHostName(String domain) {
        if (domain.isEmpty() || domain.length() > 253) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // A top-level domain is never all digits (that would be an IP address, not a host name).
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }
}
