package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifierKeyTest {

    @Test
    void caseAndSurroundingWhitespaceDoNotMakeAnotherIdentifier() {
        assertThat(IdentifierKey.normalize("  Anna.Known@Example.COM\t")).isEqualTo("anna.known@example.com");
        assertThat(IdentifierKey.normalize("ANNA")).isEqualTo(IdentifierKey.normalize("anna"));
    }

    @Test
    void compatibilityFormsAreOneIdentifier() {
        // A full-width "Ａ" (as some input methods type it) is the letter A.
        assertThat(IdentifierKey.normalize("\uFF21nna")).isEqualTo("anna");
    }

    @Test
    void aUsernameAndAnAddressStayTwoIdentifiers() {
        assertThat(IdentifierKey.normalize("anna")).isNotEqualTo(IdentifierKey.normalize("anna@example.com"));
    }

    @Test
    void nothingTypedIsTheEmptyIdentifier() {
        assertThat(IdentifierKey.normalize(null)).isEmpty();
        assertThat(IdentifierKey.normalize("a\0b")).isEqualTo("ab");
    }
}
