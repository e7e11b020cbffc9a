package eu.unify.keycloak.it.entitlements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;

/** The realm resource {@code /realms/{realm}/unify/} over plain HTTP, as an app or a company admin's UI calls it. */
final class UnifyApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String token;

    private UnifyApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs the user in (password grant on the ordinary client {@code portal}) and calls as them. */
    static UnifyApi as(ManagedRealm realm, OAuthClient oauth, String username) {
        String token = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doPasswordGrantRequest(username, CompanyRealmConfig.PASSWORD).getAccessToken();
        if (token == null) {
            throw new IllegalStateException("no token for " + username);
        }
        return new UnifyApi(realm.getBaseUrl() + "/unify/", token);
    }

    static UnifyApi anonymous(ManagedRealm realm) {
        return new UnifyApi(realm.getBaseUrl() + "/unify/", null);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    /** A GET as a browser on another origin sends it. */
    Reply getFrom(String origin, String path) {
        return send(request(path).header("Origin", origin).GET());
    }

    Reply put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
