package eu.unify.keycloak.legacy.storage;

import java.util.Objects;

/**
 * One row of the legacy store, in the column contract's terms. Blank strings are normalised to {@code null}.
 * {@code toString} leaves the hash and salt out so a logged account never leaks them.
 */
public record LegacyAccount(String username, String passwordHash, String passwordSalt, String hashAlgorithm,
                            String email, String firstName, String lastName, String mainAccount, String rights,
                            String wave, boolean enabled) {

    public LegacyAccount {
        Objects.requireNonNull(username, "username");
        passwordHash = blankToNull(passwordHash);
        passwordSalt = blankToNull(passwordSalt);
        hashAlgorithm = blankToNull(hashAlgorithm);
        email = blankToNull(email);
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
        mainAccount = blankToNull(mainAccount);
        rights = blankToNull(rights);
        wave = blankToNull(wave);
    }

    /** A main account has no main account of its own. */
    public boolean isMainAccount() {
        return mainAccount == null;
    }

    /** Reads the {@code enabled} column: missing or null means enabled; 0, false, no, n, f, off mean disabled. */
    public static boolean parseEnabled(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return !(text.equals("0") || text.equals("false") || text.equals("no") || text.equals("n")
                || text.equals("f") || text.equals("off"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "LegacyAccount[username=" + username + ", mainAccount=" + mainAccount + ", wave=" + wave
                + ", enabled=" + enabled + "]";
    }
}
