package eu.unify.keycloak.it.entitlements;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Tiny web apps on their own origin (a JDK HTTP server on a free port of 127.0.0.1), one per service client, as a
 * customer's app embeds the service menu: {@code /<clientId>/} signs the user in with the authorization code flow
 * (the client secret stays on the server), then serves a page with one script tag for {@code menu.js}, the
 * {@code <unify-service-menu>} element and the app's own line handing the menu its access token.
 */
final class EmbeddingApps implements AutoCloseable {

    private static final Pattern APP_PATH = Pattern.compile("/([a-z0-9-]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String realmUrl;
    private final String secret;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SignIn> signIns = new CopyOnWriteArrayList<>();

    /** One access token an app obtained: for which client, in which Keycloak session. */
    record SignIn(String clientId, String sessionId, String subject) {
    }

    private EmbeddingApps(HttpServer server, String realmUrl, String secret) {
        this.server = server;
        this.realmUrl = realmUrl;
        this.secret = secret;
    }

    static EmbeddingApps start(String realmUrl, String clientSecret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EmbeddingApps apps = new EmbeddingApps(server, realmUrl, clientSecret);
            server.createContext("/", apps::handle);
            server.start();
            return apps;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The apps' origin, which the service clients must list under "Web origins". */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String clientId) {
        return origin() + "/" + clientId + "/";
    }

    /** Every sign-in the apps completed, oldest first. */
    List<SignIn> signIns() {
        return List.copyOf(signIns);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = APP_PATH.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
                respond(exchange, 404, "text/plain", "not found");
                return;
            }
            String clientId = path.group(1);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (query.containsKey("error")) {
                respond(exchange, 200, "text/html", "<!doctype html><p id=\"sign-in-error\">" + escape(query.get("error"))
                        + "</p>");
            } else if (!query.containsKey("code")) {
                exchange.getResponseHeaders().add("Location", realmUrl + "/protocol/openid-connect/auth?response_type=code"
                        + "&scope=openid&client_id=" + encode(clientId) + "&redirect_uri=" + encode(url(clientId)));
                exchange.sendResponseHeaders(302, -1);
            } else {
                String token;
                try {
                    token = exchangeCode(clientId, query.get("code"));
                } catch (IOException e) {
                    respond(exchange, 502, "text/plain", e.getMessage());
                    return;
                }
                respond(exchange, 200, "text/html; charset=utf-8", page(clientId, token));
            }
        }
    }

    /** The app's page: what the entitlements README tells app developers to add, and nothing else of Unify. */
    private String page(String clientId, String token) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%1$s</title>
                <script type="module" src="%2$s/unify/menu.js"></script>
                </head>
                <body>
                <h1 id="app">%1$s</h1>
                <unify-service-menu current="%1$s"></unify-service-menu>
                <script>
                  window.unifyMenuLoaded = false;
                  document.addEventListener('unify-services-loaded', () => { window.unifyMenuLoaded = true; });
                  document.querySelector('unify-service-menu').tokenProvider = async () => '%3$s';
                </script>
                </body>
                </html>
                """.formatted(escape(clientId), realmUrl, token);
    }

    private String exchangeCode(String clientId, String code) throws IOException {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(url(clientId))
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IOException("token request of " + clientId + ": HTTP " + response.statusCode() + " " + response.body());
            }
            String token = body.get("access_token").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            signIns.add(new SignIn(clientId, claims.path("sid").asText(null), claims.path("sub").asText(null)));
            return token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
