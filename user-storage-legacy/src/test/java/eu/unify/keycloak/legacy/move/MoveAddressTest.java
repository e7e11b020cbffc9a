package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoveAddressTest {

    @Test
    void normalisesUnicodeSpaceAndCase() {
        assertThat(MoveAddress.normalize("  Info@Example.COM ")).isEqualTo("info@example.com");
        // Full-width letters and the full-width @ are the same address after NFKC.
        assertThat(MoveAddress.normalize("ｉｎｆｏ＠example.com")).isEqualTo("info@example.com");
        assertThat(MoveAddress.normalize(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"info@example.com", "info+sales@example.com", "a.b-c@sub.example.fi", "jürgen@müller.de"})
    void validAddresses(String address) {
        assertThat(MoveAddress.isValid(MoveAddress.normalize(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "info", "info@", "@example.com", "info@example", "info(at)example.com",
            "in fo@example.com", "info@@example.com", "info@example.com."})
    void invalidAddresses(String address) {
        assertThat(MoveAddress.isValid(MoveAddress.normalize(address))).isFalse();
    }

    @Test
    void tooLongIsInvalid() {
        assertThat(MoveAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
        assertThat(MoveAddress.isValid("a@" + "b".repeat(250) + ".com")).isFalse();
    }

    @Test
    void plusBaseIsTheAddressAVariantBelongsTo() {
        assertThat(MoveAddress.plusBase("info+sales@example.com")).contains("info@example.com");
        assertThat(MoveAddress.plusBase("info+a+b@example.com")).contains("info@example.com");
        assertThat(MoveAddress.plusBase("info@example.com")).isEmpty();
        assertThat(MoveAddress.plusBase("+sales@example.com")).isEmpty();
    }
}
