package eu.unify.keycloak.entitlements.model;

import java.util.regex.Pattern;

/** The shape of a customer number: 1 to 32 letters, digits and inner dashes, e.g. {@code 100234} or {@code FI-4411}. */
public final class CustomerNumber {

    public static final int MAX_LENGTH = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

    private CustomerNumber() {
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }
}
