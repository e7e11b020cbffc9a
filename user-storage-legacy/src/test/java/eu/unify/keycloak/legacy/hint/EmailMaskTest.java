package eu.unify.keycloak.legacy.hint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsTheFirstLetterAndTheDomain() {
        assertThat(EmailMask.mask("info@example.com")).isEqualTo("i***@example.com");
        assertThat(EmailMask.mask("info+vertrieb@example.com")).isEqualTo("i***@example.com");
        assertThat(EmailMask.mask("x@example.com")).isEqualTo("x***@example.com");
    }

    @Test
    void aLetterOutsideTheBasicPlaneStaysWhole() {
        assertThat(EmailMask.mask("\uD835\uDC9Cnna@example.com")).isEqualTo("\uD835\uDC9C***@example.com");
    }

    @Test
    void whatIsNoAddressShowsNothing() {
        assertThat(EmailMask.mask(null)).isNull();
        assertThat(EmailMask.mask("no-address")).isNull();
        assertThat(EmailMask.mask("@example.com")).isNull();
        assertThat(EmailMask.mask("info@")).isNull();
    }
}
