package eu.unify.keycloak.activation.code;

import java.util.List;
import java.util.Optional;

/**
 * What a code is for. The purpose is bound into the code's hash, so a code issued for one purpose can never be
 * redeemed for another.
 *
 * <p>The {@link #id()} is the stable name used in hashes and storage: renaming a constant is harmless, changing an
 * id voids every outstanding code of that purpose.
 */
public enum CodePurpose {

    /** Activating an admin-created account: emailed when the user opens the activation link, typed in that session. */
    ACTIVATION("activation", CodeKind.SESSION),

    /** Linking an external identity provider login to a pre-created account; the code alone names the account. */
    ACCOUNT_LINK("account-link", CodeKind.ACCOUNT),

    /** Resetting a password without a link: typed in the reset session. */
    RESET_CREDENTIALS("reset-credentials", CodeKind.SESSION),

    /** A code printed in the welcome message; like {@link #ACCOUNT_LINK} it names the account on its own. */
    ACTIVATION_IN_MESSAGE("activation-in-message", CodeKind.ACCOUNT);

    private final String id;
    private final CodeKind kind;

    CodePurpose(String id, CodeKind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** Stable identifier; lower-case ASCII letters and hyphens only. */
    public String id() {
        return id;
    }

    public CodeKind kind() {
        return kind;
    }

    /**
     * The purposes a code from a welcome message may have, most common first: {@link #ACCOUNT_LINK}, and when the
     * realm prints the activation code in the welcome message (which then carries that code instead),
     * {@link #ACTIVATION_IN_MESSAGE}. Whoever accepts "the code of the welcome message" accepts these.
     */
    public static List<CodePurpose> ofWelcomeMessage(boolean activationCodeInMessage) {
        return activationCodeInMessage ? List.of(ACCOUNT_LINK, ACTIVATION_IN_MESSAGE) : List.of(ACCOUNT_LINK);
    }

    /** The purpose with this {@link #id()}, if any. */
    public static Optional<CodePurpose> fromId(String id) {
        for (CodePurpose purpose : values()) {
            if (purpose.id.equals(id)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
