package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialModeTest {

    @Test
    void storedValuesAreReadAndAnythingElseIsTheActivationMessage() {
        for (CredentialMode mode : CredentialMode.values()) {
            assertThat(CredentialMode.fromId(mode.id().toUpperCase())).isEqualTo(mode);
        }
        assertThat(CredentialMode.fromId(null)).isEqualTo(CredentialMode.ACTIVATION_MESSAGE);
        assertThat(CredentialMode.fromId("")).isEqualTo(CredentialMode.ACTIVATION_MESSAGE);
        assertThat(CredentialMode.fromId("plain-text")).isEqualTo(CredentialMode.ACTIVATION_MESSAGE);
    }
}
