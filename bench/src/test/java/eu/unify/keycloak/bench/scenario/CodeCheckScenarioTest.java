package eu.unify.keycloak.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CodeCheckScenarioTest {

    @Test
    void theWrongCodeHasTheRealOnesShapeButDiffers() {
        for (String code : List.of("12345678", "90000000", "00000001")) {
            String wrong = CodeCheckScenario.wrong(code);

            assertThat(wrong).hasSameSizeAs(code).containsOnlyDigits().isNotEqualTo(code);
            assertThat(wrong.substring(1)).isEqualTo(code.substring(1));
        }
    }
}
