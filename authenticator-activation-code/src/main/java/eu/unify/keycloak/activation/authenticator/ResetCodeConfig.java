package eu.unify.keycloak.activation.authenticator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.config.SessionCodeOptions;

/**
 * Options of the {@code unify-reset-code} step. Every value has a safe default; an empty or invalid field falls back
 * to it, so a half-filled configuration never breaks a password reset.
 */
final class ResetCodeConfig {

    static final String MIN_RESPONSE_MILLIS = "response.floor.millis";
    static final long DEFAULT_MIN_RESPONSE_MILLIS = 1000;
    private static final long MAX_MIN_RESPONSE_MILLIS = 10_000;

    static final List<ProviderConfigProperty> PROPERTIES = SessionCodeOptions.addTo(ProviderConfigurationBuilder.create())
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
    private final int maxWrongCodesInARow;

    private ResetCodeConfig(CodePolicy policy, Duration minResponse, int maxWrongCodesInARow) {
        this.policy = policy;
        this.minResponse = minResponse;
        this.maxWrongCodesInARow = maxWrongCodesInARow;
    }

    static ResetCodeConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new ResetCodeConfig(SessionCodeOptions.policy(config), minResponse(config),
                SessionCodeOptions.maxWrongCodesInARow(config));
    }

    CodePolicy policy() {
        return policy;
    }

    Duration minResponse() {
        return minResponse;
    }

    int maxWrongCodesInARow() {
        return maxWrongCodesInARow;
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
