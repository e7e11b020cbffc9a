package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BenchHelpersTest {

    @Test
    void countsPagesUntilOneComesBackShort() throws Exception {
        List<Integer> offsets = new ArrayList<>();
        long[] sizes = {3, 3, 1};
        assertThat(AdminApi.countPages(3, first -> {
            offsets.add(first);
            return sizes[first / 3];
        })).isEqualTo(7);
        assertThat(offsets).containsExactly(0, 3, 6);
        // A last full page is followed by an empty one.
        assertThat(AdminApi.countPages(3, first -> first < 6 ? 3 : 0)).isEqualTo(6);
    }

    @Test
    void readsTheCodeFromUnifysCodeMail() {
        String html = "<p>Your code:</p>\n<p id=\"unify-code-value\" class=\"code\">\n  12345678\n</p>";

        assertThat(Mailbox.unifyCode(html)).contains("12345678");
        assertThat(Mailbox.unifyCode("<p>no code</p>")).isEmpty();
        assertThat(Mailbox.unifyCode(null)).isEmpty();
    }

    @Test
    void readsAnActionLinkFromStockKeycloaksResetMail() {
        String html = "<p>Someone just requested ...</p><p><a href=\"http://localhost:18080/realms/r/login-actions/"
                + "action-token?key=eyJ.x.y&amp;client_id=bench-app&amp;tab_id=T\">Link to reset credentials</a></p>";

        assertThat(Mailbox.link(html, "/login-actions/action-token"))
                .contains("http://localhost:18080/realms/r/login-actions/action-token?key=eyJ.x.y&client_id=bench-app"
                        + "&tab_id=T");
        assertThat(Mailbox.link(null, "/login-actions/action-token")).isEmpty();
    }

    @Test
    void takesTheAuthorizationCodeFromTheRedirect() {
        URI redirect = URI.create(BenchRealm.REDIRECT_URI + "?state=s&session_state=x&iss=http%3A%2F%2Fh&code=a.b%2Bc");

        assertThat(BenchRealm.isRedirectUri(redirect)).isTrue();
        assertThat(BenchRealm.authorizationCode(redirect)).contains("a.b+c");
        assertThat(BenchRealm.authorizationCode(URI.create(BenchRealm.REDIRECT_URI + "?error=access_denied"))).isEmpty();
        assertThat(BenchRealm.isRedirectUri(URI.create("http://localhost:18080/realms/r/login-actions/x"))).isFalse();
    }

    @Test
    void authorizationRequestNamesTheClientAndItsRedirect() {
        URI auth = BenchRealm.authorizationUrl(URI.create("http://localhost:18080/realms/bench-x"));

        assertThat(auth.toString()).startsWith("http://localhost:18080/realms/bench-x/protocol/openid-connect/auth?")
                .contains("client_id=bench-app", "response_type=code",
                        "redirect_uri=http%3A%2F%2Flocalhost%3A18081%2Fcallback", "state=", "nonce=");
    }

    @Test
    void settingsDefaultsKeepClearOfTheTestServersPorts() {
        BenchSettings settings = BenchSettings.from(new Properties());

        assertThat(settings.httpPort()).isEqualTo(18080);
        assertThat(settings.managementPort()).isEqualTo(19000);
        assertThat(settings.smtpPort()).isEqualTo(13025);
        assertThat(settings.concurrency()).isEqualTo(2);
        assertThat(settings.scenarios()).isEmpty();
        assertThat(settings.plannedSteps(3)).isEqualTo((100 + 20 * 30) * 3);
    }

    @Test
    void settingsFromProperties() {
        Properties properties = new Properties();
        properties.setProperty("unify.bench.home", "/tmp/b");
        properties.setProperty("unify.bench.rounds", "3");
        properties.setProperty("unify.bench.maxMinutes", "2");
        properties.setProperty("unify.bench.scenarios", " stock-login, unify-code-check ,");

        BenchSettings settings = BenchSettings.from(properties);

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/b"));
        assertThat(settings.keycloakHome()).isEqualTo(Path.of("/tmp/b/keycloak"));
        assertThat(settings.rounds()).isEqualTo(3);
        assertThat(settings.maxWallTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.scenarios()).containsExactly("stock-login", "unify-code-check");
    }

    @Test
    void settingsRefuseOutOfRangeNumbers() {
        Properties properties = new Properties();
        properties.setProperty("unify.bench.httpPort", "70000");

        assertThatThrownBy(() -> BenchSettings.from(properties)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unify.bench.httpPort");
    }
}
