package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Issue 11, item 1: "Forgot password?" must not tell which identifiers have accounts. The same scripted sequence of
 * requests (send, resend within the cooldown from another browser, wrong codes, resend after the cooldown, a third
 * browser, the hourly cap, the void code) runs for an address that has an account (whose own language is Finnish) and
 * for one that has none, each step from fresh or earlier browsers (cookie jars), and every answer's HTML must be the
 * same once what legitimately differs is taken out: session ids in URLs, the identifier typed, and the countdown's
 * seconds (real time passes between the two runs). The visitor asked in English, so every page is English.
 *
 * <p>Plain HTTP rather than Chromium: the server's answer is what is compared, before any script changes it.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class ResetAnswersIT {

    private static final int COOLDOWN_SECONDS = 10;
    private static final String KNOWN = "anna.known@example.com";
    private static final String UNKNOWN = "anna.unknown@example.com";
    private static final String WRONG_CODE = "00000000";

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @TestSetup
    public void useResetByCode() {
        ResetCodeFlow.install(realm, Map.of(
                "code.resend.cooldown.seconds", Integer.toString(COOLDOWN_SECONDS),
                "code.max.sends.per.hour", "3",
                "code.max.attempts", "5",
                "code.lifetime.minutes", "10"));
    }

    @AfterEach
    void clockBack() {
        timeOffSet.set(0);
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswersToTheSameRequests() throws Exception {
        user("anna-known", KNOWN, "fi");

        List<String> known = script(KNOWN);
        List<String> unknown = script(UNKNOWN);

        assertThat(known).hasSameSizeAs(unknown);
        for (int step = 0; step < known.size(); step++) {
            assertThat(unknown.get(step)).as("answer %d of the script", step + 1).isEqualTo(known.get(step));
        }
        // The script reached what it is meant to: each kind of answer occurs (else equal pages would prove little).
        String all = String.join("\n", known);
        assertThat(all).contains("You can ask for a new code in N seconds", "We sent a new code to a***@example.com",
                "You have 4 tries left", "You have asked for too many codes", "no longer works");
        assertThat(known).allSatisfy(page -> assertThat(page).contains("lang=\"en\""));
        assertThat(Mails.await(mail, KNOWN, 3)).as("the account got its three codes").hasSize(3);
        assertThat(Mails.to(mail, UNKNOWN)).isEmpty();
    }

    @Test
    void aUsernameAndTheAddressOfTheSameAccountDoNotShareACooldown() throws Exception {
        user("bea.tester", "bea.tester@example.com", null);

        Visitor byUsername = new Visitor();
        String first = byUsername.askForCode("bea.tester");
        assertThat(first).doesNotContain("You can ask for a new code");

        Visitor byAddress = new Visitor();
        String second = byAddress.askForCode("bea.tester@example.com");
        assertThat(second).as("the address is another identifier than the username")
                .doesNotContain("You can ask for a new code");

        // Case and surrounding spaces do not make another identifier: that one is in its cooldown now.
        String variant = new Visitor().askForCode("  Bea.Tester@EXAMPLE.com ");
        assertThat(variant).contains("You can ask for a new code in");
        assertThat(Mails.await(mail, "bea.tester@example.com", 2)).hasSize(2);
    }

    /** The script for one identifier; returns every answer, normalised. */
    private List<String> script(String identifier) throws Exception {
        timeOffSet.set(0);
        List<String> answers = new ArrayList<>();
        Visitor a = new Visitor();
        Visitor b = new Visitor();
        Visitor c = new Visitor();
        answers.add(a.askForCode(identifier));
        answers.add(b.askForCode(identifier));
        answers.add(b.submitCode(WRONG_CODE));
        answers.add(a.submitCode(WRONG_CODE));
        timeOffSet.set(Duration.ofSeconds(COOLDOWN_SECONDS + 1));
        answers.add(b.resend());
        answers.add(c.askForCode(identifier));
        answers.add(c.submitCode(WRONG_CODE));
        timeOffSet.set(Duration.ofSeconds(2 * (COOLDOWN_SECONDS + 1)));
        answers.add(a.resend());
        timeOffSet.set(Duration.ofSeconds(3 * (COOLDOWN_SECONDS + 1)));
        answers.add(c.resend());
        for (int i = 0; i < 5; i++) {
            answers.add(c.submitCode(WRONG_CODE));
        }
        answers.add(new Visitor().askForCode(identifier));
        return answers.stream().map(page -> normalise(page, identifier)).toList();
    }

    /**
     * Takes out what differs between two requests whatever the identifier: the ids of the authentication session in
     * URLs, the identifier itself (shown as typed in "Restart login"), and the countdown's seconds.
     */
    static String normalise(String html, String identifier) {
        return html.strip()
                .replace(identifier, "IDENTIFIER")
                .replaceAll("(tab_id|session_code|execution|client_data|auth_session_id)=[A-Za-z0-9_.-]+", "$1=X")
                .replaceAll("data-unify-resend-in=\"\\d+\"", "data-unify-resend-in=\"N\"")
                .replaceAll("<span class=\"unify-code-countdown\">\\d+</span>", "<span class=\"unify-code-countdown\">N</span>")
                .replaceAll("in \\d+ seconds?", "in N seconds");
    }

    private void user(String username, String email, String locale) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEnabled(true);
        if (locale != null) {
            user.setAttributes(Map.of("locale", List.of(locale)));
        }
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            realm.cleanup().add(r -> r.users().delete(id).close());
        }
    }

    /** A visitor with a fresh browser, as far as the server can tell: its own cookies, English, nothing else. */
    private final class Visitor {

        private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");
        private static final Pattern FORGOT = Pattern.compile("href=\"([^\"]*login-actions/reset-credentials[^\"]*)\"");
        private static final Pattern ANY_FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
        private static final Pattern CODE_FORM = Pattern.compile("id=\"unify-code-form\"[^>]*action=\"([^\"]*)\"");

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String codeForm;

        String askForCode(String identifier) throws IOException, InterruptedException {
            String login = get(oauth.loginForm().param("kc_locale", "en").build());
            String reset = get(absolute(first(FORGOT, login)));
            String page = post(absolute(first(ANY_FORM, reset)), "username=" + encode(identifier));
            codeForm = absolute(first(CODE_FORM, page));
            return page;
        }

        String submitCode(String code) throws IOException, InterruptedException {
            return codePost("code=" + encode(code));
        }

        String resend() throws IOException, InterruptedException {
            return codePost("resend=true");
        }

        private String codePost(String body) throws IOException, InterruptedException {
            String page = post(codeForm, body);
            codeForm = absolute(first(CODE_FORM, page));
            return page;
        }

        private String get(String url) throws IOException, InterruptedException {
            return send(request(url).GET().build());
        }

        private String post(String url, String body) throws IOException, InterruptedException {
            return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpRequest.Builder request(String url) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en");
            if (!cookies.isEmpty()) {
                builder.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            return builder;
        }

        /** Sends, keeps the cookies, follows redirects with a GET, as a browser does after a form post. */
        private String send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                Matcher cookie = SET_COOKIE.matcher(header);
                if (cookie.find()) {
                    cookies.put(cookie.group(1), cookie.group(2));
                }
            }
            if (response.statusCode() / 100 == 3) {
                String location = response.headers().firstValue("Location").orElseThrow();
                return get(request.uri().resolve(location).toString());
            }
            assertThat(response.statusCode()).as("answer to %s", request.uri().getPath()).isEqualTo(200);
            return response.body();
        }

        private String absolute(String url) {
            return URI.create(realm.getBaseUrl()).resolve(url.replace("&amp;", "&")).toString();
        }

        private static String first(Pattern pattern, String html) {
            Matcher matcher = pattern.matcher(html);
            assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
            return matcher.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
