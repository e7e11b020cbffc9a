package eu.unify.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A minimal OpenID Connect relying party for the realm's public client, served under {@code /app/}: sign in with
 * the authorization code flow, PKCE (S256), state and nonce; show who signed in; sign out through Keycloak.
 * It exists so a newcomer can click through the branded login page, in every supported language.
 * Everything is kept in memory; a restart signs everybody out of the app (not out of Keycloak).
 */
final class DemoApp implements HttpHandler {

    /** The realm's supported locales with their own names, for the language links. */
    static final Map<String, String> LOCALES = languages();

    private static final Logger LOG = Logger.getLogger(DemoApp.class.getName());
    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(10);
    private static final String STATE_COOKIE = "unify_demo_state";
    private static final String SESSION_COOKIE = "unify_demo_session";
    private static final String NAV = "<nav><a href=\"/app/\">Demo app</a><a href=\"/\">Mail catcher</a></nav>\n";

    private final URI realmUrl;
    private final URI appUrl;
    private final String clientId;
    private final HttpClient keycloak;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();
    /** Sign-ins under way, by state. */
    private final Map<String, PendingSignIn> pendingSignIns = new ConcurrentHashMap<>();
    /** Signed-in browsers, by the value of their session cookie. */
    private final Map<String, SignedIn> sessions = new ConcurrentHashMap<>();

    /**
     * @param realmUrl for example http://localhost:8080/realms/unify-demo
     * @param appUrl   where this handler is mounted, for example http://localhost:8025/app/
     */
    DemoApp(URI realmUrl, URI appUrl, String clientId, HttpClient keycloak, Clock clock) {
        this.realmUrl = realmUrl;
        this.appUrl = appUrl;
        this.clientId = clientId;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                HttpExchanges.methodNotAllowed(exchange, "GET");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/app/" -> home(exchange);
                case "/app/login" -> signIn(exchange);
                case "/app/callback" -> callback(exchange);
                case "/app/logout" -> signOut(exchange);
                default -> HttpExchanges.notFound(exchange);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Demo app request failed: " + exchange.getRequestURI().getPath(), e);
            throw e;
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Optional<SignedIn> signedIn = HttpExchanges.cookie(exchange, SESSION_COOKIE).map(sessions::get);
        String body = signedIn.map(this::profile).orElseGet(this::welcome);
        HttpExchanges.send(exchange, 200, HttpExchanges.HTML, Html.page("Unify demo app", body));
    }

    private String welcome() {
        String languages = LOCALES.entrySet().stream()
                .map(locale -> "<a href=\"login?kc_locale=" + locale.getKey() + "\">" + Html.escape(locale.getValue())
                        + "</a>")
                .collect(Collectors.joining(" &middot; "));
        return NAV + "<h1>Unify demo app</h1>\n"
                + "<p>Signs in with the <code>" + Html.escape(clientId) + "</code> client of the realm at <code>"
                + Html.escape(realmUrl.toString()) + "</code>.</p>\n"
                + "<p><a class=\"button\" href=\"login\">Sign in</a></p>\n"
                + "<p>Sign in with the login page in: " + languages + "</p>\n"
                + "<p class=\"muted\">Demo user <code>" + DemoSettings.DEMO_USERNAME + "</code>, password <code>"
                + DemoSettings.DEMO_PASSWORD + "</code>.</p>\n";
    }

    private String profile(SignedIn user) {
        JsonNode claims = user.claims();
        String claimsJson;
        try {
            claimsJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(claims);
        } catch (IOException e) {
            claimsJson = claims.toString();
        }
        return NAV + "<h1>Signed in</h1>\n<table>"
                + row("Name", claims.path("name").asText("(not set)"))
                + row("Email", claims.path("email").asText("(not set)"))
                + row("Locale", claims.path("locale").asText("(none yet: Keycloak adds it once the user picks a"
                        + " language in the login page's menu or the account console)"))
                + row("Username", claims.path("preferred_username").asText(""))
                + "</table>\n<p><a class=\"button\" href=\"logout\">Sign out</a> &nbsp; <a href=\""
                + Html.escape(realmUrl + "/account") + "\">Account console</a></p>\n"
                + "<h2>ID token claims</h2>\n<p class=\"muted\">Decoded for display only. The token came straight"
                + " from Keycloak's token endpoint over the back channel.</p>\n<pre>" + Html.escape(claimsJson)
                + "</pre>\n";
    }

    private void signIn(HttpExchange exchange) throws IOException {
        forgetAbandonedSignIns();
        String state = Pkce.randomToken(random);
        String verifier = Pkce.randomToken(random);
        String nonce = Pkce.randomToken(random);
        pendingSignIns.put(state, new PendingSignIn(verifier, nonce, clock.instant()));

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid profile email");
        parameters.put("redirect_uri", callbackUrl());
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        parameters.put("code_challenge", Pkce.s256Challenge(verifier));
        parameters.put("code_challenge_method", "S256");
        String locale = HttpExchanges.queryParameters(exchange).get("kc_locale");
        if (locale != null && LOCALES.containsKey(locale)) {
            // ui_locales is the standard hint; kc_locale is Keycloak's own and also sets the locale cookie.
            parameters.put("ui_locales", locale);
            parameters.put("kc_locale", locale);
        }
        // Binds the sign-in to this browser: a callback with another browser's state is refused.
        HttpExchanges.setCookie(exchange, STATE_COOKIE, state, SIGN_IN_TIMEOUT.toSeconds());
        HttpExchanges.redirect(exchange, endpoint("auth") + "?" + form(parameters));
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpExchanges.queryParameters(exchange);
        String state = query.get("state");
        String browserState = HttpExchanges.cookie(exchange, STATE_COOKIE).orElse("");
        PendingSignIn pending = state == null ? null : pendingSignIns.remove(state);
        HttpExchanges.setCookie(exchange, STATE_COOKIE, "", 0);
        if (pending == null || pending.isOlderThan(SIGN_IN_TIMEOUT, clock) || !browserState.equals(state)) {
            problem(exchange, "This sign-in is unknown or has expired. Please start again.");
            return;
        }
        if (query.containsKey("error")) {
            problem(exchange, "Keycloak answered: " + query.get("error") + " "
                    + query.getOrDefault("error_description", ""));
            return;
        }
        JsonNode tokens = exchangeCode(query.getOrDefault("code", ""), pending.codeVerifier());
        if (tokens.hasNonNull("error") || !tokens.hasNonNull("id_token")) {
            problem(exchange, "The token endpoint answered: " + tokens.path("error").asText("no ID token") + " "
                    + tokens.path("error_description").asText(""));
            return;
        }
        String idToken = tokens.get("id_token").asText();
        JsonNode claims = payload(idToken);
        if (!pending.nonce().equals(claims.path("nonce").asText())) {
            problem(exchange, "The ID token's nonce does not match this sign-in.");
            return;
        }
        String session = Pkce.randomToken(random);
        sessions.put(session, new SignedIn(idToken, claims));
        HttpExchanges.setCookie(exchange, SESSION_COOKIE, session, Duration.ofHours(8).toSeconds());
        HttpExchanges.redirect(exchange, appUrl.toString());
    }

    /** RP-initiated logout: ends the Keycloak session too, then Keycloak sends the browser back here. */
    private void signOut(HttpExchange exchange) throws IOException {
        SignedIn user = HttpExchanges.cookie(exchange, SESSION_COOKIE).map(sessions::remove).orElse(null);
        HttpExchanges.setCookie(exchange, SESSION_COOKIE, "", 0);
        if (user == null) {
            HttpExchanges.redirect(exchange, appUrl.toString());
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("id_token_hint", user.idToken());
        parameters.put("post_logout_redirect_uri", appUrl.toString());
        HttpExchanges.redirect(exchange, endpoint("logout") + "?" + form(parameters));
    }

    private JsonNode exchangeCode(String code, String verifier) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("client_id", clientId);
        parameters.put("code", code);
        parameters.put("redirect_uri", callbackUrl());
        parameters.put("code_verifier", verifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("token")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        try {
            HttpResponse<String> response = keycloak.send(request, HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking Keycloak for tokens", e);
        }
    }

    /** The claims of a JWT, without checking its signature: see the comment on the profile page. */
    private JsonNode payload(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IOException("Not a JWT");
        }
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private void problem(HttpExchange exchange, String message) throws IOException {
        HttpExchanges.send(exchange, 400, HttpExchanges.HTML, Html.page("Sign-in failed",
                NAV + "<h1>Sign-in failed</h1>\n<p class=\"error\">" + Html.escape(message.strip()) + "</p>\n"
                        + "<p><a href=\"/app/\">Back to the demo app</a></p>\n"));
    }

    private void forgetAbandonedSignIns() {
        pendingSignIns.values().removeIf(pending -> pending.isOlderThan(SIGN_IN_TIMEOUT, clock));
    }

    private String endpoint(String name) {
        return realmUrl + "/protocol/openid-connect/" + name;
    }

    private String callbackUrl() {
        return appUrl.resolve("callback").toString();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> HttpExchanges.encode(p.getKey()) + "=" + HttpExchanges.encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + Html.escape(value) + "</td></tr>";
    }

    private static Map<String, String> languages() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("fi", "Suomi");
        languages.put("de", "Deutsch");
        languages.put("sl", "Slovenščina");
        return Collections.unmodifiableMap(languages);
    }

    private record PendingSignIn(String codeVerifier, String nonce, Instant startedAt) {
        boolean isOlderThan(Duration age, Clock clock) {
            return startedAt.plus(age).isBefore(clock.instant());
        }
    }

    private record SignedIn(String idToken, JsonNode claims) {
    }
}
