package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    /** Shaped like Keycloak's keycloak.v2 login page. */
    private static final String LOGIN = """
            <html><head><title>Sign in to bench</title><script>var x = "<b>";</script></head><body>
            <form id="kc-select-language" method="get"></form>
            <form id="kc-form-login" onsubmit="login.disabled = true; return true;"
                  action="http://localhost:18080/realms/bench/login-actions/authenticate?session_code=S&amp;execution=E&amp;client_id=bench-app&amp;tab_id=T" method="post">
              <input id="username" name="username"/>
            </form>
            <a href="http://localhost:18080/realms/bench/login-actions/reset-credentials?client_id=bench-app&amp;tab_id=T">Forgot Password?</a>
            <span id="input-error-username">Invalid username or password.</span>
            </body></html>
            """;

    @Test
    void findsTheFormActionByIdAndUnescapesIt() {
        assertThat(new HtmlPage(LOGIN).formAction("kc-form-login")).contains(
                "http://localhost:18080/realms/bench/login-actions/authenticate?session_code=S&execution=E"
                        + "&client_id=bench-app&tab_id=T");
        assertThat(new HtmlPage(LOGIN).formAction("kc-otp-login-form")).isEmpty();
        assertThat(new HtmlPage(LOGIN).formAction("kc-select-language")).isEmpty();
    }

    @Test
    void findsALinkByPartOfItsTarget() {
        assertThat(new HtmlPage(LOGIN).link("/login-actions/reset-credentials")).contains(
                "http://localhost:18080/realms/bench/login-actions/reset-credentials?client_id=bench-app&tab_id=T");
        assertThat(new HtmlPage(LOGIN).link("/registrations")).isEmpty();
    }

    @Test
    void tellsWhetherAnElementIsThere() {
        assertThat(new HtmlPage(LOGIN).hasElement("input-error-username")).isTrue();
        assertThat(new HtmlPage(LOGIN).hasElement("input-error-code")).isFalse();
    }

    @Test
    void excerptShowsTitleAndTextWithoutMarkupOrScripts() {
        assertThat(new HtmlPage(LOGIN).excerpt())
                .startsWith("title \"Sign in to bench\", messages: Invalid username or password.; text: ")
                .contains("Forgot Password? Invalid username or password.")
                .doesNotContain("<", "var x");
        assertThat(new HtmlPage("<html><body><p>Plain</p></body></html>").excerpt())
                .isEqualTo("title \"\", messages: none; text: Plain");
    }

    @Test
    void unescapesEntitiesOnce() {
        assertThat(HtmlPage.unescape("a&amp;b&quot;c&#39;d&lt;e&gt;f&#x3D;g&amp;amp;")).isEqualTo("a&b\"c'd<e>f=g&amp;");
    }
}
