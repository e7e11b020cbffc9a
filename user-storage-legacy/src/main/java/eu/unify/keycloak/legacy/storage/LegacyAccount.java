package eu.unify.keycloak.legacy.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One row of the legacy store, in the column contract's terms. Blank strings are normalised to {@code null}.
 * {@code toString} leaves the hash, the salt and the names out: a logged account leaks neither secrets nor who it is.
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

    /** How logs name the account: its {@link #reference(String) reference}, never its username. */
    public String reference() {
        return reference(username);
    }

    /**
     * A legacy account as the log names it: "legacy account" and the first 12 hex digits of the SHA-256 of its
     * legacy username (UTF-8). Usernames are personal data; an admin who needs the account finds it in the legacy
     * database, e.g. PostgreSQL {@code left(encode(sha256(convert_to(login_name, 'UTF8')), 'hex'), 12)}, MariaDB
     * {@code LEFT(SHA2(login_name, 256), 12)}.
     */
    public static String reference(String legacyUsername) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(legacyUsername.getBytes(StandardCharsets.UTF_8));
            return "legacy account " + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
        return "LegacyAccount[" + reference() + ", main=" + isMainAccount() + ", wave=" + wave + ", enabled="
                + enabled + "]";
    }
}
