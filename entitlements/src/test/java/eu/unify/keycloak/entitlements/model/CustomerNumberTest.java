package eu.unify.keycloak.entitlements.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "100234", "FI-4411", "a-b-c", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void acceptsLettersDigitsAndInnerDashes(String number) {
        assertThat(CustomerNumber.isWellFormed(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-1", "1-", "1 2", "12/3", "ä1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "1\n",
            "<script>"})
    void refusesAnythingElse(String number) {
        assertThat(CustomerNumber.isWellFormed(number)).isFalse();
    }
}
