package eu.unify.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few admin REST calls the scenarios' setup needs, as the bootstrap admin through {@code admin-cli}.
 * The token is fetched again well before the master realm's one-minute access token lifespan ends.
 */
public final class AdminApi {

    private static final Duration TOKEN_REUSE = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI keycloakUrl;
    private final HttpClient http;
    private final String username;
    private final String password;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant tokenFetched = Instant.MIN;

    public AdminApi(URI keycloakUrl, HttpClient http, String username, String password) {
        this.keycloakUrl = keycloakUrl;
        this.http = http;
        this.username = username;
        this.password = password;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Creates a realm from its full representation: flows, clients and users in one call (a realm import). */
    public void createRealm(JsonNode realm) throws IOException, InterruptedException {
        send("POST", "/admin/realms", realm, 201);
    }

    /**
     * Adds users to an existing realm through the partial import, which (unlike the users endpoint) takes any
     * credential a realm import takes, one-time password secrets included.
     */
    public void importUsers(String realm, JsonNode users) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("ifResourceExists", "FAIL");
        body.set("users", users);
        send("POST", "/admin/realms/" + encode(realm) + "/partialImport", body, 200);
    }

    /** Deletes the realm, if a previous run left it behind. */
    public void deleteRealmIfExists(String realm) throws IOException, InterruptedException {
        HttpResponse<String> response = call("DELETE", "/admin/realms/" + encode(realm), null);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw unexpected("DELETE realm " + realm, response);
        }
    }

    /** GETs {@code path} (below the server's root, query included) and returns the body; fails unless 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = call("GET", path, null);
        if (response.statusCode() != 200) {
            throw unexpected("GET " + path, response);
        }
        return response.body();
    }

    /** How many items one page holds, for {@link #countPages}: {@code first} is the page's offset. */
    @FunctionalInterface
    public interface Page {
        long count(int first) throws IOException, InterruptedException;
    }

    /**
     * Counts items over a paged admin endpoint: pages of {@code pageSize} from offset 0 until one comes back short
     * (the audit export, Keycloak's events list).
     */
    public static long countPages(int pageSize, Page page) throws IOException, InterruptedException {
        long count = 0;
        for (int first = 0; ; first += pageSize) {
            long items = page.count(first);
            count += items;
            if (items < pageSize) {
                return count;
            }
        }
    }

    /**
     * POSTs {@code body} to {@code path}, fails unless the answer has status {@code expected}, and returns the answer
     * (for its body or its Location header). {@code timeout} bounds long admin jobs such as a user federation sync.
     */
    public HttpResponse<String> post(String path, JsonNode body, int expected, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> response = call("POST", path, body, timeout);
        if (response.statusCode() != expected) {
            throw unexpected("POST " + path, response);
        }
        return response;
    }

    private void send(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, body);
        if (response.statusCode() != expected) {
            throw unexpected(method + " " + path, response);
        }
    }

    private HttpResponse<String> call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        return call(method, path, body, TIMEOUT);
    }

    private HttpResponse<String> call(String method, String path, JsonNode body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloakUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenFetched.plus(TOKEN_REUSE))) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username)
                + "&password=" + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw unexpected("admin token", response);
        }
        token = json.readTree(response.body()).path("access_token").asText();
        tokenFetched = Instant.now();
        return token;
    }

    private static IOException unexpected(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new IOException(what + " answered " + response.statusCode() + ": "
                + (body.length() > 500 ? body.substring(0, 500) + " ..." : body));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
