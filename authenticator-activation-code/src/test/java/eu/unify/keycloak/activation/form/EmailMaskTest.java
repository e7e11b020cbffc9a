package eu.unify.keycloak.activation.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsFirstLetterAndDomain() {
        assertThat(EmailMask.mask("anna.virtanen@Example.COM")).isEqualTo("a***@example.com");
    }

    @Test
    void sameMaskForAddressesThatShareFirstLetterAndDomain() {
        assertThat(EmailMask.mask("anna@example.com")).isEqualTo(EmailMask.mask("arto@example.com"));
    }

    @Test
    void notAnAddressGivesNothing() {
        assertThat(EmailMask.mask("anna")).isNull();
        assertThat(EmailMask.mask("@example.com")).isNull();
        assertThat(EmailMask.mask("anna@")).isNull();
        assertThat(EmailMask.mask(null)).isNull();
    }

    @Test
    void trimsWhatWasTyped() {
        assertThat(EmailMask.mask("  info+sales@example.com ")).isEqualTo("i***@example.com");
    }
}
