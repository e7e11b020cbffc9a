package eu.unify.keycloak.activation.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.activation.code.CodePolicy;

class ResetCodeConfigTest {

    @Test
    void noConfigurationMeansTheIssueDefaults() {
        ResetCodeConfig config = ResetCodeConfig.of(null);
        assertThat(config.policy().length()).isEqualTo(8);
        assertThat(config.policy().lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.policy().maxAttempts()).isEqualTo(5);
        assertThat(config.policy().resendCooldown()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void emptyOrGarbageFieldsFallBackToDefaults() {
        Map<String, String> values = new HashMap<>();
        values.put(CodePolicy.CONFIG_LENGTH, "");
        values.put(CodePolicy.CONFIG_MAX_ATTEMPTS, "many");
        ResetCodeConfig config = ResetCodeConfig.of(model(values));
        assertThat(config.policy().length()).isEqualTo(8);
        assertThat(config.policy().maxAttempts()).isEqualTo(5);
    }

    @Test
    void validValuesAreUsed() {
        ResetCodeConfig config = ResetCodeConfig.of(model(Map.of(
                CodePolicy.CONFIG_LENGTH, "6",
                CodePolicy.CONFIG_RESEND_COOLDOWN_SECONDS, "30")));
        assertThat(config.policy().length()).isEqualTo(6);
        assertThat(config.policy().resendCooldown()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theRetiredMinimumResponseTimeIsNoLongerOfferedAndIgnored() {
        assertThat(ResetCodeConfig.PROPERTIES).extracting(ProviderConfigProperty::getName)
                .doesNotContain(ResetCodeConfig.RETIRED_MIN_RESPONSE_MILLIS);
        ResetCodeConfig config = ResetCodeConfig.of(model(Map.of(ResetCodeConfig.RETIRED_MIN_RESPONSE_MILLIS, "5000")));
        assertThat(config.policy()).isEqualTo(ResetCodeConfig.of(null).policy());
    }

    @Test
    void everyOptionHasLabelHelpAndDefault() {
        assertThat(ResetCodeConfig.PROPERTIES).hasSize(6).allSatisfy(p -> {
            assertThat(p.getLabel()).isNotBlank();
            assertThat(p.getHelpText()).isNotBlank();
            assertThat(p.getDefaultValue()).isNotNull();
            assertThat(p.getType()).isEqualTo(ProviderConfigProperty.STRING_TYPE);
        });
        // The defaults shown in the console parse to the documented policy.
        Map<String, String> shown = new HashMap<>();
        ResetCodeConfig.PROPERTIES.forEach(p -> shown.put(p.getName(), String.valueOf(p.getDefaultValue())));
        assertThat(ResetCodeConfig.of(model(shown)).policy()).isEqualTo(ResetCodeConfig.of(null).policy());
        assertThat(ResetCodeConfig.of(model(shown)).maxWrongCodesInARow()).isEqualTo(ResetCodeConfig.of(null).maxWrongCodesInARow())
                .isEqualTo(50);
    }

    private static AuthenticatorConfigModel model(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return model;
    }
}
