package eu.unify.keycloak.legacy.storage;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Stand-in check until the legacy hash verifier is merged: bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}) through
 * Bouncy Castle, which Keycloak ships; anything else does not match.
 */
final class BcryptPasswordCheck implements LegacyPasswordCheck {

    @Override
    public boolean matches(String password, String hash, String salt, String algorithm) {
        if (password == null || hash == null || !(hash.startsWith("$2a$") || hash.startsWith("$2b$")
                || hash.startsWith("$2y$"))) {
            return false;
        }
        try {
            // Bouncy Castle accepts $2a$/$2b$/$2y$ alike; the three differ only in historic bugs of other libraries.
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (RuntimeException e) {
            // A malformed hash (wrong length, bad cost) is simply not a match.
            return false;
        }
    }
}
