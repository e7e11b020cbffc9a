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
                .defaultValue(String.valueOf(CodePolicy.DEFAULT_MAX_SENDS_PER_HOUR)).add();
    }

    public static List<ProviderConfigProperty> properties() {
        return addTo(ProviderConfigurationBuilder.create()).build();
    }

    /** The policy an admin configured, with defaults for whatever is missing or invalid. */
    public static CodePolicy policy(Map<String, String> config) {
        return CodePolicy.fromConfig(CodeKind.SESSION, config == null ? Map.of() : config);
    }
}
