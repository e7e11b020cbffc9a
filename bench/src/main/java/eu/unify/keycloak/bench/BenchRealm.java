package eu.unify.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm every scenario starts from, so that stock and Unify scenarios differ only in what they are about:
 * Keycloak's default login theme and flows, mail to the catcher, one public client, and brute-force protection
 * switched on (its bookkeeping is part of the cost of a failed check) but with limits no run reaches.
 */
public final class BenchRealm {

    public static final String CLIENT_ID = "bench-app";
    /** Nothing listens here: a step stops at the redirect and takes the code from its query. */
    public static final URI REDIRECT_URI = URI.create("http://localhost:18081/callback");
    public static final String PASSWORD = "bench-Password-1";
    public static final String EMAIL_DOMAIN = "bench.unify.localhost";

    private final ObjectMapper json;
    private final String name;
    private final ObjectNode realm;

    private BenchRealm(ObjectMapper json, String name, ObjectNode realm) {
        this.json = json;
        this.name = name;
        this.realm = realm;
    }

    public static BenchRealm create(ObjectMapper json, String name, int smtpPort) {
        ObjectNode realm = json.createObjectNode()
                .put("realm", name)
                .put("enabled", true)
                .put("sslRequired", "none")
                .put("loginWithEmailAllowed", true)
                .put("resetPasswordAllowed", true)
                .put("bruteForceProtected", true)
                .put("permanentLockout", false)
                .put("failureFactor", 1_000_000)
                // 0: no "too quick" lockout; the driver's failures come milliseconds apart.
                .put("quickLoginCheckMilliSeconds", 0)
                .put("accessCodeLifespanLogin", 3600);
        realm.putObject("smtpServer")
                .put("host", "localhost")
                .put("port", Integer.toString(smtpPort))
                .put("from", "noreply@" + EMAIL_DOMAIN)
                .put("auth", "false")
                .put("ssl", "false")
                .put("starttls", "false");
        ObjectNode client = realm.putArray("clients").addObject()
                .put("clientId", CLIENT_ID)
                .put("publicClient", true)
                .put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(REDIRECT_URI.toString());
        realm.putArray("users");
        return new BenchRealm(json, name, realm);
    }

    /**
     * Password hashing at one PBKDF2 iteration: a login then costs a few milliseconds instead of 100+, so what other
     * work adds to a login (an event listener, say) is not drowned in the hash's batch-to-batch spread. For
     * measurement only, never a deployment's setting.
     */
    public static void lightPasswordHash(BenchRealm realm) {
        realm.representation().put("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
    }

    public String name() {
        return name;
    }

    /** The representation, for additions (flows, authenticator configs) before {@link AdminApi#createRealm}. */
    public ObjectNode representation() {
        return realm;
    }

    /** An enabled user with a verified address {@code <username>@bench.unify.localhost} and, if given, a password. */
    public ObjectNode addUser(String username, boolean withPassword) {
        ObjectNode user = user(json, username, withPassword);
        ((ArrayNode) realm.get("users")).add(user);
        return user;
    }

    /** The same user as {@link #addUser}, on its own: for {@link AdminApi#importUsers} into a running realm. */
    public static ObjectNode user(ObjectMapper json, String username, boolean withPassword) {
        ObjectNode user = json.createObjectNode()
                .put("username", username)
                .put("email", email(username))
                .put("firstName", "Bench")
                .put("lastName", username)
                .put("enabled", true)
                .put("emailVerified", true);
        ArrayNode credentials = user.putArray("credentials");
        if (withPassword) {
            credentials.addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        }
        return user;
    }

    public static String email(String username) {
        return username + "@" + EMAIL_DOMAIN;
    }

    /** The authorization request of {@link #CLIENT_ID}, as a relying party would send the browser to it. */
    public static URI authorizationUrl(URI realmUrl) {
        return URI.create(realmUrl + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI.toString(), StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID());
    }

    public static boolean isRedirectUri(URI uri) {
        return uri.toString().startsWith(REDIRECT_URI.toString());
    }

    /** The {@code code} query parameter of the redirect back to the client. */
    public static Optional<String> authorizationCode(URI redirect) {
        String query = redirect.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("code="))
                .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst();
    }

    /** Exchanges the code at the token endpoint, as the client's back end would; fails unless tokens come back. */
    public static void exchangeCode(BenchContext context, URI realmUrl, String code)
            throws IOException, InterruptedException {
        String form = Map.of("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                        "redirect_uri", REDIRECT_URI.toString()).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElseThrow();
        HttpResponse<String> response = context.http().send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")) {
            throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
    }
}
