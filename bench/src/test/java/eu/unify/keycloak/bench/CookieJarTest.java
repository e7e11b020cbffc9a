package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CookieJarTest {

    @Test
    void keepsSecureCookiesAndSendsThemAll() {
        CookieJar jar = new CookieJar();
        jar.store(List.of("AUTH_SESSION_ID=abc.def; Version=1; Path=/realms/r/; SameSite=None; Secure; HttpOnly",
                "KC_RESTART=eyJ; Path=/realms/r/; HttpOnly"));

        assertThat(jar.header()).contains("AUTH_SESSION_ID=abc.def; KC_RESTART=eyJ");
    }

    @Test
    void replacesAndRemoves() {
        CookieJar jar = new CookieJar();
        jar.store(List.of("A=1", "B=2", "C=3"));
        jar.store(List.of("A=10; Path=/", "B=; Max-Age=0; Path=/",
                "C=gone; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Max-Age=0"));

        assertThat(jar.header()).contains("A=10");
    }

    @Test
    void emptyJarSendsNoHeaderAndClearForgetsAll() {
        CookieJar jar = new CookieJar();
        assertThat(jar.header()).isEmpty();

        jar.store(List.of("A=1", "=nameless", "garbage"));
        assertThat(jar.header()).contains("A=1");

        jar.clear();
        assertThat(jar.header()).isEmpty();
    }
}
