package eu.unify.keycloak.it.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.support.ui.FluentWait;

/** The audit REST API over plain HTTP, as an operator's script would call it, with a bearer token. */
final class AuditApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String tokenUrl;

    AuditApi(ManagedRealm realm) {
        this(realm.getBaseUrl());
    }

    /** @param realmUrl the realm's base URL, {@code http://host/realms/<name>} */
    AuditApi(String realmUrl) {
        this.base = realmUrl.replace("/realms/", "/admin/realms/") + "/unify-audit/";
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Reply get(String token, String path, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    Reply put(String token, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply post(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * The records matching {@code params}, newest first, once every committed record is sealed (so that each has its
     * place in the chain); asserts the call succeeded.
     */
    List<JsonNode> records(String token, Map<String, String> params) {
        verify(token);
        Reply reply = get(token, "records", params);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        reply.json().get("records").forEach(records::add);
        return records;
    }

    /** The realm's verify report, once the sealer has sealed every record committed so far. */
    JsonNode verify(String token) {
        return sealed(token, "verify");
    }

    /**
     * Waits until the verify report at {@code verifyPath} has no record waiting to be sealed (the sealer runs every
     * 200 ms in the tests), and returns it.
     */
    JsonNode sealed(String token, String verifyPath) {
        return new FluentWait<>(this).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .withMessage("records of " + base + " still waiting to be sealed")
                .until(api -> {
                    Reply reply = api.get(token, verifyPath, Map.of());
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    JsonNode report = reply.json();
                    return report.get("unsealed").asLong() == 0 ? report : null;
                });
    }

    Reply post(String token, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A token of a user of this realm, by the password grant of the realm's admin-cli client. */
    String tokenOf(String username, String password) {
        Reply reply = passwordGrant(username, password);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    /** A sign-in by the password grant of the realm's admin-cli client, whatever its outcome. */
    Reply passwordGrant(String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
