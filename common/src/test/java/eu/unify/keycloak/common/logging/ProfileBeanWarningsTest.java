package eu.unify.keycloak.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfileBeanWarningsTest {

    private final Logger login = Logger.getLogger(ProfileBeanWarnings.CATEGORIES.get(0));
    private final Logger email = Logger.getLogger(ProfileBeanWarnings.CATEGORIES.get(1));

    @AfterEach
    void reset() {
        login.setLevel(null);
        email.setLevel(null);
    }

    @Test
    void theWarningsAboutMultiValuedAttributesAreNoLongerLogged() {
        List<Logger> kept = ProfileBeanWarnings.quieten();
        assertThat(kept).containsExactly(login, email);
        assertThat(login.isLoggable(Level.WARNING)).isFalse();
        assertThat(email.isLoggable(Level.WARNING)).isFalse();
        assertThat(login.isLoggable(Level.SEVERE)).isTrue();
    }

    @Test
    void aLevelOpsSetIsLeftAlone() {
        login.setLevel(Level.WARNING);
        ProfileBeanWarnings.quieten();
        assertThat(login.getLevel()).isEqualTo(Level.WARNING);
        assertThat(email.getLevel()).isEqualTo(Level.SEVERE);
    }
}
