package eu.unify.keycloak.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.bench.Scenario;

class CodeCheckScenarioTest {

    @Test
    void theWrongCodeHasTheRealOnesShapeButDiffers() {
        for (String code : List.of("12345678", "90000000", "00000001")) {
            String wrong = CodeCheckScenario.wrong(code);

            assertThat(wrong).hasSameSizeAs(code).containsOnlyDigits().isNotEqualTo(code);
            assertThat(wrong.substring(1)).isEqualTo(code.substring(1));
        }
    }

    @Test
    void everyRegisteredScenarioHasAUniqueNameAndARegisteredBaseline() {
        List<Scenario> scenarios = ServiceLoader.load(Scenario.class).stream().map(ServiceLoader.Provider::get).toList();
        List<String> names = scenarios.stream().map(Scenario::name).toList();

        assertThat(names).startsWith("stock-login").doesNotHaveDuplicates()
                .contains("unify-reset-code", "unify-code-check", "stock-otp-check");
        for (Scenario scenario : scenarios) {
            scenario.baseline().ifPresent(baseline -> assertThat(names).contains(baseline));
            assertThat(scenario.batchScale()).isPositive();
            assertThat(scenario.stepDescription()).isNotBlank();
        }
    }
}
