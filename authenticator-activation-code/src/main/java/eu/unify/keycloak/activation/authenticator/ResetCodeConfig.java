package eu.unify.keycloak.activation.authenticator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodePolicy;

/**
 * Options of the {@code unify-reset-code} step. Every value has a safe default; an empty or invalid field falls back
 * to it, so a half-filled configuration never breaks a password reset.
 */
final class ResetCodeConfig {

    static final String MIN_RESPONSE_MILLIS = "response.floor.millis";
    static final long DEFAULT_MIN_RESPONSE_MILLIS = 1000;
    private static final long MAX_MIN_RESPONSE_MILLIS = 10_000;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
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
            .property().name(MIN_RESPONSE_MILLIS)
            .label("Minimum response time (ms)")
            .helpText("Requests that send a code take at least this long, whether or not the account exists, so "
                    + "response times do not reveal which addresses have accounts. Set it above your mail server's "
                    + "usual delivery time, 0 to 10000 ms. Default 1000.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(DEFAULT_MIN_RESPONSE_MILLIS)).add()
            .build();

    private final CodePolicy policy;
    private final Duration minResponse;

    private ResetCodeConfig(CodePolicy policy, Duration minResponse) {
        this.policy = policy;
        this.minResponse = minResponse;
    }

    static ResetCodeConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new ResetCodeConfig(CodePolicy.fromConfig(CodeKind.SESSION, config), minResponse(config));
    }

    CodePolicy policy() {
        return policy;
    }

    Duration minResponse() {
        return minResponse;
    }

    private static Duration minResponse(Map<String, String> config) {
        String value = config.get(MIN_RESPONSE_MILLIS);
        try {
            long millis = value == null || value.isBlank() ? DEFAULT_MIN_RESPONSE_MILLIS : Long.parseLong(value.trim());
            if (millis < 0 || millis > MAX_MIN_RESPONSE_MILLIS) {
                millis = DEFAULT_MIN_RESPONSE_MILLIS;
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            return Duration.ofMillis(DEFAULT_MIN_RESPONSE_MILLIS);
        }
    }
}
