package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.keycloak.testframework.realm.ManagedRealm;

/** {@code /admin/realms/{realm}/unify-legacy/...} over plain HTTP, as an operator's script calls it. */
final class ProgressApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String progressUrl;
    private final String tokenUrl;

    ProgressApi(ManagedRealm realm) {
        String realmUrl = realm.getBaseUrl();
        this.baseUrl = realmUrl.replace("/realms/", "/admin/realms/") + "/unify-legacy/";
        this.progressUrl = baseUrl + "progress";
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The row of one wave ({@code null} for "no wave"). */
        JsonNode wave(String wave) {
            for (JsonNode row : json().get("waves")) {
                if (wave == null ? row.get("wave").isNull() : wave.equals(row.get("wave").asText())) {
                    return row;
                }
            }
            throw new AssertionError("no wave " + wave + " in " + body);
        }
    }

    Reply progress(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(progressUrl)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** {@code GET unify-legacy/<path>}. */
    Reply get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** {@code POST unify-legacy/<path>} with a JSON body (may be null: no body). */
    Reply post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A JSON object of the given name/value pairs, for request bodies. */
    static String json(String... namesAndValues) {
        com.fasterxml.jackson.databind.node.ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }

    /** A token of a user of this realm, by the password grant of the realm's admin-cli client. */
    String tokenOf(String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Reply reply = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
