package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scanning logic of the suite's secret scan: a planted secret is found, look-alikes that are no leak are not. */
class SecretScannerTest {

    private static final String PASSWORD = "Kesä-salasana-2026";
    private static final String CODE = "48213377";

    private final SecretScanner scanner = new SecretScanner(Set.of(PASSWORD, CODE));

    @Test
    void findsAPlantedPasswordAndCodeWhereverTheyStand() {
        String log = "2026-11-30 07:00:01 WARN [x] login failed for anna, password=" + PASSWORD + "\n"
                + "{\"details\":{\"code\":\"" + CODE + "\"}}\n"
                + CODE;

        List<SecretScanner.Finding> found = scanner.scan("server log", log);

        assertThat(found).hasSize(3);
        assertThat(found).extracting(SecretScanner.Finding::source).containsOnly("server log");
        assertThat(found.get(0).toString()).contains("'Ke...' (18 characters)").doesNotContain(PASSWORD);
    }

    @Test
    void findsASecretUrlEncodedAsInAFormOrAQuery() {
        assertThat(scanner.scan("record", "POST body username=anna&password=Kes%C3%A4-salasana-2026&x=1")).hasSize(1);
    }

    @Test
    void aCodeInsideALongerNumberOrAHashIsNoLeak() {
        String text = "time=1764489648213377001 hash=ab48213377cd uuid=0f48213377e9-4c2b";
        assertThat(scanner.scan("record", text)).isEmpty();
    }

    @Test
    void cleanTextHasNoFinding() {
        assertThat(scanner.scan("record", "LOGIN_ERROR invalid_user_credentials anna@example.com 127.0.0.1")).isEmpty();
        assertThat(scanner.scan("record", "")).isEmpty();
    }

    @Test
    void aSecretTooShortToScanForIsRefused() {
        assertThatThrownBy(() -> new SecretScanner(Set.of("12345")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 6");
        assertThat(new SecretScanner(Set.of("123456")).scan("log", "code 123456.")).hasSize(1);
    }
}
