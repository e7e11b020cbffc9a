package eu.unify.keycloak.legacy.move;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.utils.EmailValidationUtil;

/**
 * An email address as the move compares and stores it: Unicode NFKC, trimmed, in lower case (Keycloak keeps emails
 * and usernames in lower case anyway). Syntax is Keycloak's own email check, plus a dot in the domain: an address
 * without one is a typing slip in this setting, not an intranet host.
 */
public final class MoveAddress {

    /** Keycloak's email and username columns hold 255 characters; RFC 5321 allows 254 in a path. */
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;

    private MoveAddress() {
    }

    /** The normalised form of what was typed; empty for nothing typed. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised address is a valid address. */
    public static boolean isValid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || address.indexOf('.', at) < 0 || address.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        return EmailValidationUtil.isValidEmail(address, MAX_LOCAL_PART);
    }

    /**
     * For a plus-address ({@code info+sales@example.com}) the address it is a variant of
     * ({@code info@example.com}); empty for any other address.
     */
    public static Optional<String> plusBase(String address) {
        int at = address.lastIndexOf('@');
        int plus = address.indexOf('+');
        if (at <= 0 || plus <= 0 || plus > at) {
            return Optional.empty();
        }
        return Optional.of(address.substring(0, plus) + address.substring(at));
    }
}
