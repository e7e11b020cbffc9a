package eu.unify.keycloak.activation.requiredaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class AccountActivationConfigTest {

    @Test
    void theWelcomeCodeIsOffUnlessSwitchedOn() {
        assertThat(AccountActivationConfig.codeInWelcomeMessage((Map<String, String>) null)).isFalse();
        assertThat(AccountActivationConfig.codeInWelcomeMessage(Map.of())).isFalse();
        assertThat(AccountActivationConfig.codeInWelcomeMessage(Map.of(AccountActivationConfig.CODE_IN_WELCOME_MESSAGE, "false"))).isFalse();
        assertThat(AccountActivationConfig.codeInWelcomeMessage(Map.of(AccountActivationConfig.CODE_IN_WELCOME_MESSAGE, "yes please"))).isFalse();
        Map<String, String> empty = new HashMap<>();
        empty.put(AccountActivationConfig.CODE_IN_WELCOME_MESSAGE, null);
        assertThat(AccountActivationConfig.codeInWelcomeMessage(empty)).isFalse();
        assertThat(AccountActivationConfig.codeInWelcomeMessage(Map.of(AccountActivationConfig.CODE_IN_WELCOME_MESSAGE, " true "))).isTrue();
    }

    @Test
    void signingInAfterActivationIsOnUnlessSwitchedOff() {
        assertThat(AccountActivationConfig.signInAfterActivation(null)).isTrue();
        assertThat(AccountActivationConfig.signInAfterActivation(Map.of())).isTrue();
        assertThat(AccountActivationConfig.signInAfterActivation(Map.of(AccountActivationConfig.SIGN_IN_AFTER_ACTIVATION, " "))).isTrue();
        assertThat(AccountActivationConfig.signInAfterActivation(Map.of(AccountActivationConfig.SIGN_IN_AFTER_ACTIVATION, "true"))).isTrue();
        Map<String, String> empty = new HashMap<>();
        empty.put(AccountActivationConfig.SIGN_IN_AFTER_ACTIVATION, null);
        assertThat(AccountActivationConfig.signInAfterActivation(empty)).isTrue();
        assertThat(AccountActivationConfig.signInAfterActivation(Map.of(AccountActivationConfig.SIGN_IN_AFTER_ACTIVATION, "false"))).isFalse();
        assertThat(AccountActivationConfig.signInAfterActivation(Map.of(AccountActivationConfig.SIGN_IN_AFTER_ACTIVATION, " FALSE "))).isFalse();
    }

    @Test
    void theConsoleShowsTheSwitchesFirstWithLabelHelpAndDefaultsThenTheCodeOptions() {
        ProviderConfigProperty first = AccountActivationConfig.properties().get(0);
        assertThat(first.getName()).isEqualTo(AccountActivationConfig.CODE_IN_WELCOME_MESSAGE);
        assertThat(first.getLabel()).isEqualTo("Code in the welcome message");
        assertThat(first.getHelpText()).isNotBlank();
        assertThat(first.getType()).isEqualTo(ProviderConfigProperty.BOOLEAN_TYPE);
        assertThat(first.getDefaultValue()).isEqualTo("false");
        ProviderConfigProperty second = AccountActivationConfig.properties().get(1);
        assertThat(second.getName()).isEqualTo(AccountActivationConfig.SIGN_IN_AFTER_ACTIVATION);
        assertThat(second.getLabel()).isEqualTo("Sign in after activation");
        assertThat(second.getType()).isEqualTo(ProviderConfigProperty.BOOLEAN_TYPE);
        assertThat(second.getDefaultValue()).isEqualTo("true");
        ProviderConfigProperty third = AccountActivationConfig.properties().get(2);
        assertThat(third.getName()).isEqualTo(AccountActivationConfig.LANDING_PAGE);
        assertThat(third.getLabel()).isEqualTo("Landing page after activation");
        assertThat(third.getType()).isEqualTo(ProviderConfigProperty.STRING_TYPE);
        assertThat(third.getDefaultValue()).isEqualTo("");
        assertThat(AccountActivationConfig.properties()).hasSize(9)
                .allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
    }

    @Test
    void aLandingPageIsAFullWebAddressOrNothing() {
        assertThat(AccountActivationConfig.landingPage((Map<String, String>) null)).isEmpty();
        assertThat(AccountActivationConfig.landingPage(Map.of())).isEmpty();
        assertThat(AccountActivationConfig.landingPage(Map.of(AccountActivationConfig.LANDING_PAGE, " "))).isEmpty();
        assertThat(AccountActivationConfig.landingPage(Map.of(AccountActivationConfig.LANDING_PAGE,
                " https://portal.example.com/start?from=activation "))).hasValue("https://portal.example.com/start?from=activation");
        assertThat(AccountActivationConfig.landingPage(Map.of(AccountActivationConfig.LANDING_PAGE, "http://intra.example/")))
                .hasValue("http://intra.example/");
        for (String wrong : new String[] {"portal.example.com", "/relative/path", "javascript:alert(1)",
                "mailto:help@example.com", "https://", "https://user:secret@portal.example.com/", "https://exa mple.com/"}) {
            assertThat(AccountActivationConfig.landingPage(Map.of(AccountActivationConfig.LANDING_PAGE, wrong)))
                    .as(wrong).isEmpty();
            assertThat(AccountActivationConfig.landingPageProblem(wrong)).as(wrong)
                    .startsWith("Landing page after activation:").contains(wrong.trim());
        }
        assertThat(AccountActivationConfig.landingPageProblem("")).isNull();
        assertThat(AccountActivationConfig.landingPageProblem("https://portal.example.com")).isNull();
    }
}
