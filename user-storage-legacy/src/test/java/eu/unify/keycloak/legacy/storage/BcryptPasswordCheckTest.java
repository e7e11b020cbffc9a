package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptPasswordCheckTest {

    // htpasswd -nbB -C 5 x 'Alte-Passwort-1'
    private static final String HASH = "$2y$05$IP9SYJcqXNHdJewz7fH5YeVaNj2Qg8pKhBLez.FTogtUGCKlWr5qG";

    private final LegacyPasswordCheck check = new BcryptPasswordCheck();

    @Test
    void matchesOnlyTheRightPassword() {
        assertThat(check.matches("Alte-Passwort-1", HASH, null, null)).isTrue();
        assertThat(check.matches("alte-passwort-1", HASH, null, null)).isFalse();
        assertThat(check.matches("Alte-Passwort-1", "$2a$" + HASH.substring(4), null, null)).isTrue();
    }

    @Test
    void otherOrBrokenHashesNeverMatch() {
        assertThat(check.matches("x", "5f4dcc3b5aa765d61d8327deb882cf99", null, "md5")).isFalse();
        assertThat(check.matches("x", "$2y$05$broken", null, null)).isFalse();
        assertThat(check.matches(null, HASH, null, null)).isFalse();
    }
}
