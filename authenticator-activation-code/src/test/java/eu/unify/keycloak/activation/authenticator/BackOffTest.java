package eu.unify.keycloak.activation.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackOffTest {

    @Test
    void theWaitDoublesFromOneSecondAndNeverPassesFiveMinutes() {
        assertThat(ActivationCodeAuthenticator.backOff(0)).isEqualTo(1);
        assertThat(ActivationCodeAuthenticator.backOff(1)).isEqualTo(2);
        assertThat(ActivationCodeAuthenticator.backOff(8)).isEqualTo(256);
        assertThat(ActivationCodeAuthenticator.backOff(9)).isEqualTo(300);
        assertThat(ActivationCodeAuthenticator.backOff(10_000)).isEqualTo(ActivationCodeAuthenticator.MAX_BACKOFF_SECONDS);
    }
}
