package eu.unify.keycloak.legacy.move;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.keycloak.common.util.SecretGenerator;

/**
 * A password generated for a moved sub-account, emailed once and changed at the first sign-in. It has every kind of
 * character a password policy usually asks for, avoids ones that are easily misread (0/O, 1/l/I) and is long enough
 * (16 characters, about 93 bits) to be safe in a mailbox for the short time until it is changed. {@code toString}
 * never shows it.
 */
final class GeneratedPassword {

    static final int LENGTH = 16;
    private static final char[] UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final char[] LOWER = "abcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final char[] DIGITS = "23456789".toCharArray();
    private static final char[] SPECIAL = "-_.:!?#%+".toCharArray();
    private static final char[] ALL = (new String(UPPER) + new String(LOWER) + new String(DIGITS) + new String(SPECIAL))
            .toCharArray();

    private final String value;

    private GeneratedPassword(String value) {
        this.value = value;
    }

    static GeneratedPassword create() {
        SecretGenerator random = SecretGenerator.getInstance();
        List<Character> chars = new ArrayList<>(LENGTH);
        for (char[] kind : List.of(UPPER, LOWER, DIGITS, SPECIAL)) {
            chars.add(random.randomString(1, kind).charAt(0));
        }
        random.randomString(LENGTH - chars.size(), ALL).chars().forEach(c -> chars.add((char) c));
        Collections.shuffle(chars, new java.security.SecureRandom());
        StringBuilder value = new StringBuilder(LENGTH);
        chars.forEach(value::append);
        return new GeneratedPassword(value.toString());
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "GeneratedPassword[hidden]";
    }
}
