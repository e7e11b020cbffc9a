package eu.unify.keycloak.legacy.hash;

import java.util.Optional;

/** Where a bare digest's salt (from a separate column) was joined to the password before hashing. */
public enum SaltPosition {

    /** {@code digest(salt + password)}. */
    BEFORE_PASSWORD,

    /** {@code digest(password + salt)}. */
    AFTER_PASSWORD;

    /** Ignores case and separators; also accepts {@code before}/{@code after} and {@code salt-before}/{@code salt-after}. */
    public static Optional<SaltPosition> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (DigestAlgorithm.compact(name)) {
            case "beforepassword", "before", "saltbefore", "saltfirst" -> Optional.of(BEFORE_PASSWORD);
            case "afterpassword", "after", "saltafter", "saltlast" -> Optional.of(AFTER_PASSWORD);
            default -> Optional.empty();
        };
    }
}
