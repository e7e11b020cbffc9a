package eu.unify.keycloak.common.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsTheFirstCharacterAndTheDomainLowercased() {
        assertThat(EmailMask.mask("anna.virtanen@example.com")).isEqualTo("a***@example.com");
        assertThat(EmailMask.mask("Anna.Virtanen@Example.COM")).isEqualTo("a***@example.com");
        assertThat(EmailMask.mask("  info+sales@example.com ")).isEqualTo("i***@example.com");
        assertThat(EmailMask.mask("x@example.com")).as("a one-letter local part").isEqualTo("x***@example.com");
        assertThat(EmailMask.mask("a\"@\"b@example.com")).as("the last @ ends the local part").isEqualTo("a***@example.com");
    }

    @Test
    void hidesTheLengthOfTheLocalPart() {
        assertThat(EmailMask.mask("anna@example.com")).isEqualTo(EmailMask.mask("arto-kalevi.virtanen@example.com"));
    }

    @Test
    void neverSplitsACharacter() {
        // U+1D49C (a mathematical script A) is two UTF-16 units; half of it would be an unprintable lone surrogate.
        assertThat(EmailMask.mask("\uD835\uDC9Cnna@example.com")).isEqualTo("\uD835\uDC9C***@example.com");
        assertThat(EmailMask.mask("Ärrä@Esimerkki.fi")).isEqualTo("ä***@esimerkki.fi");
    }

    @Test
    void aValueThatIsNotAnAddressHasNoMask() {
        assertThat(EmailMask.mask(null)).isNull();
        assertThat(EmailMask.mask("anna")).isNull();
        assertThat(EmailMask.mask("@example.com")).isNull();
        assertThat(EmailMask.mask("anna@")).isNull();
        assertThat(EmailMask.mask("   ")).isNull();
        assertThat(EmailMask.maskIfAddress("anna")).isEqualTo("anna");
        assertThat(EmailMask.maskIfAddress(null)).isNull();
        assertThat(EmailMask.maskIfAddress("anna@Example.com")).isEqualTo("a***@example.com");
    }
}
