package eu.unify.keycloak.audit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentValidationException;

class RetentionFieldTest {

    @Test
    void anEmptyFieldMeansTheServerDefault() {
        assertThat(RetentionField.check(null)).isNull();
        assertThat(RetentionField.check(List.of())).isNull();
        assertThat(RetentionField.check(List.of(""))).isNull();
        assertThat(RetentionField.check(List.of("  "))).isNull();
        assertThat(RetentionField.check(Arrays.asList((String) null))).isNull();
    }

    @Test
    void wholeDaysFromZeroToOneHundredYearsAreKept() {
        assertThat(RetentionField.check(List.of("0"))).isZero();
        assertThat(RetentionField.check(List.of("90"))).isEqualTo(90);
        assertThat(RetentionField.check(List.of(" 30 "))).isEqualTo(30);
        assertThat(RetentionField.check(List.of("36500"))).isEqualTo(36_500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "36501", "2147483648", "1.5", "90d", "1e3", "ninety", "0x10"})
    void anythingElseIsRefusedWithTheRange(String value) {
        assertThatThrownBy(() -> RetentionField.check(List.of(value)))
                .isInstanceOfSatisfying(ComponentValidationException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(RetentionField.INVALID);
                    assertThat(e.getParameters()).containsExactly("36500");
                });
    }

    @Test
    void twoValuesAreNotOneRetention() {
        assertThatThrownBy(() -> RetentionField.check(List.of("30", "60")))
                .isInstanceOf(ComponentValidationException.class).hasMessage(RetentionField.INVALID);
    }
}
