package eu.unify.keycloak.legacy.move;

import java.util.Arrays;
import java.util.Locale;

/** How moved sub-accounts get their credentials (console option "Move: sub-account credentials"). */
public enum CredentialMode {

    /** The activation message of {@code unify-account-activation}: the user chooses a password. The default. */
    ACTIVATION_MESSAGE("activation-message"),
    /** The legacy password hash becomes a Keycloak credential, re-hashed at the first sign-in. */
    LEGACY_PASSWORD("legacy-password"),
    /** A generated password is emailed; Keycloak's "Update Password" makes the user change it. */
    GENERATED_PASSWORD("generated-password");

    private final String id;

    CredentialMode(String id) {
        this.id = id;
    }

    /** The value stored in the component config. */
    public String id() {
        return id;
    }

    /** The mode of a stored value; anything empty or unknown is the safe default, the activation message. */
    public static CredentialMode fromId(String value) {
        if (value == null) {
            return ACTIVATION_MESSAGE;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst().orElse(ACTIVATION_MESSAGE);
    }
}
