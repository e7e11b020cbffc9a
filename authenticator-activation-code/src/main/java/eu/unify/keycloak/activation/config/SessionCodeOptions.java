package eu.unify.keycloak.activation.config;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodePolicy;

/**
 * The admin console options of every step that emails a code to type in the same browser (password reset, account
 * activation). Empty or invalid values fall back to the defaults, so a half-filled form never breaks a login.
 */
public final class SessionCodeOptions {

    /** Config key: wrong codes an account may have in a row, over all its codes, before codes stop working. */
    public static final String MAX_WRONG_CODES_IN_A_ROW = "code.max.wrong.in.a.row";
    /** Well inside NIST SP 800-63B's at most 100 consecutive failures, yet 10 codes' worth of wrong tries. */
    public static final int DEFAULT_MAX_WRONG_CODES_IN_A_ROW = 50;
    static final int LOWEST_MAX_WRONG_CODES_IN_A_ROW = 5;
    static final int HIGHEST_MAX_WRONG_CODES_IN_A_ROW = 100;

    static final String MAX_WRONG_CODES_IN_A_ROW_HELP = "Wrong codes an account may have in a row, over all its "
            + "codes (asking for a new code does not start again), " + LOWEST_MAX_WRONG_CODES_IN_A_ROW + " to "
            + HIGHEST_MAX_WRONG_CODES_IN_A_ROW + ". Then no code works for the account, not even the right one, "
            + "until its owner signs in or gets a new password, or an admin clears it. Applies even where the realm's "
            + "brute-force detection is off. Default " + DEFAULT_MAX_WRONG_CODES_IN_A_ROW + ".";

    private SessionCodeOptions() {
    }

    /** The options with label, help text and default, in console order. */
    public static ProviderConfigurationBuilder addTo(ProviderConfigurationBuilder builder) {
        return builder
                .property().name(CodePolicy.CONFIG_LENGTH)
                .label("Code length")
                .helpText("Digits in the emailed code, 6 to 12. Default 8.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(CodeKind.SESSION.defaultLength())).add()
                .property().name(CodePolicy.CONFIG_LIFETIME_MINUTES)
                .label("Code lifetime (minutes)")
                .helpText("How long a code stays valid, 1 to 60 minutes. Default 10.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(CodePolicy.defaultLifetime(CodeKind.SESSION).toMinutes())).add()
                .property().name(CodePolicy.CONFIG_MAX_ATTEMPTS)
                .label("Wrong tries per code")
                .helpText("After this many wrong tries the code is void and the user must ask for a new one, 1 to 10. "
                        + "Wrong tries also count towards the realm's brute-force protection. Default 5.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(CodePolicy.DEFAULT_MAX_ATTEMPTS)).add()
                .property().name(CodePolicy.CONFIG_RESEND_COOLDOWN_SECONDS)
                .label("Resend cooldown (seconds)")
                .helpText("Time the user must wait before asking for another code, 10 to 3600 seconds. Default 60.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(CodePolicy.DEFAULT_RESEND_COOLDOWN.toSeconds())).add()
                .property().name(CodePolicy.CONFIG_MAX_SENDS_PER_HOUR)
                .label("Codes per hour")
                .helpText("How many codes one user may receive within an hour, 1 to 20. Default 5.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(CodePolicy.DEFAULT_MAX_SENDS_PER_HOUR)).add()
                .property().name(MAX_WRONG_CODES_IN_A_ROW)
                .label("Wrong codes per account in a row")
                .helpText(MAX_WRONG_CODES_IN_A_ROW_HELP)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(DEFAULT_MAX_WRONG_CODES_IN_A_ROW)).add();
    }

    /** The bound on an account's wrong codes in a row; the default for a missing or invalid value. */
    public static int maxWrongCodesInARow(Map<String, String> config) {
        String raw = config == null ? null : config.get(MAX_WRONG_CODES_IN_A_ROW);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_MAX_WRONG_CODES_IN_A_ROW;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            return value < LOWEST_MAX_WRONG_CODES_IN_A_ROW || value > HIGHEST_MAX_WRONG_CODES_IN_A_ROW
                    ? DEFAULT_MAX_WRONG_CODES_IN_A_ROW : value;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_WRONG_CODES_IN_A_ROW;
        }
    }

    public static List<ProviderConfigProperty> properties() {
        return addTo(ProviderConfigurationBuilder.create()).build();
    }

    /** The policy an admin configured, with defaults for whatever is missing or invalid. */
    public static CodePolicy policy(Map<String, String> config) {
        return CodePolicy.fromConfig(CodeKind.SESSION, config == null ? Map.of() : config);
    }
}
