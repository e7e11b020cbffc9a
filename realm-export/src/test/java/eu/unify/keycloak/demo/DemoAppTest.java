package eu.unify.keycloak.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoAppTest {

    private static final URI REALM = URI.create("http://localhost:18080/realms/unify-demo");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MailCatcher server;

    @BeforeEach
    void start() throws Exception {
        server = MailCatcher.start(0, 0);
        URI appUrl = URI.create("http://localhost:" + server.httpPort() + "/app/");
        server.mount("/app/", new DemoApp(REALM, appUrl, DemoSettings.CLIENT_ID, http, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void welcomePageOffersSignInInEveryLanguage() throws Exception {
        HttpResponse<String> response = get("/app/", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("href=\"login\"", "href=\"login?kc_locale=fi\"",
                "href=\"login?kc_locale=de\"", "href=\"login?kc_locale=sl\"", "href=\"login?kc_locale=en\"");
    }

    @Test
    void signInRedirectsToKeycloakWithPkceStateAndTheChosenLocale() throws Exception {
        HttpResponse<String> response = get("/app/login?kc_locale=fi", null);

        assertThat(response.statusCode()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/realms/unify-demo/protocol/openid-connect/auth");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("client_id", DemoSettings.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", "http://localhost:" + server.httpPort() + "/app/callback")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("ui_locales", "fi")
                .containsEntry("kc_locale", "fi");
        assertThat(query.get("code_challenge")).hasSize(43);
        assertThat(query.get("scope")).contains("openid");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("unify_demo_state=" + query.get("state") + ";").contains("HttpOnly"));
    }

    @Test
    void unsupportedLocaleIsNotPassedOn() throws Exception {
        HttpResponse<String> response = get("/app/login?kc_locale=xx", null);

        assertThat(query(URI.create(response.headers().firstValue("Location").orElseThrow())))
                .doesNotContainKeys("ui_locales", "kc_locale");
    }

    @Test
    void callbackWithAStateFromAnotherBrowserIsRefused() throws Exception {
        HttpResponse<String> login = get("/app/login", null);
        String state = query(URI.create(login.headers().firstValue("Location").orElseThrow())).get("state");

        HttpResponse<String> callback = get("/app/callback?code=abc&state=" + state, "unify_demo_state=other");

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("unknown or has expired");
    }

    @Test
    void errorFromKeycloakIsShownEscaped() throws Exception {
        HttpResponse<String> login = get("/app/login", null);
        String state = query(URI.create(login.headers().firstValue("Location").orElseThrow())).get("state");

        HttpResponse<String> callback = get("/app/callback?error=access_denied&error_description=%3Cscript%3E&state="
                + state, "unify_demo_state=" + state);

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("access_denied &lt;script&gt;").doesNotContain("<script>");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
