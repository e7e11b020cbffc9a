package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;

/**
 * What {@link StockTokenRefreshScenario} and {@link EntitlementsTokenScenario} share, so that they differ only in
 * the mapper: a realm with {@value #SERVICES} Unify services and a company holding them and more customer numbers,
 * one user per worker in that company with every service and {@value #CUSTOMER_NUMBERS} customer numbers, and a
 * public client with or without {@code unify-entitlements-mapper}. A step is a refresh-token grant: Keycloak builds
 * a new access and ID token (every mapper runs) without checking a password, so token building is nearly all the
 * step does.
 */
final class EntitlementsTokens {

    static final int SERVICES = 20;
    static final int CUSTOMER_NUMBERS = 50;
    static final String CLIENT_ID = "bench-tokens";
    static final String CLAIM = "entitlements";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final boolean withMapper;
    private final String realmName;
    private final ObjectMapper json = new ObjectMapper();
    private BenchContext context;
    private URI tokenEndpoint;
    private AtomicReferenceArray<String> refreshTokens;

    EntitlementsTokens(boolean withMapper, String realmName) {
        this.withMapper = withMapper;
        this.realmName = realmName;
    }

    void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), realmName, context.smtpPort());
        ObjectNode rep = realm.representation();
        rep.put("organizationsEnabled", true);

        ArrayNode clients = (ArrayNode) rep.get("clients");
        ObjectNode clientRoles = rep.putObject("roles").putObject("client");
        ObjectNode company = rep.putArray("organizations").addObject()
                .put("alias", "bench-company").put("name", "Bench company").put("enabled", true);
        company.putArray("domains").addObject().put("name", BenchRealm.EMAIL_DOMAIN).put("verified", false);
        ObjectNode companyAttributes = company.putObject("attributes");
        ArrayNode companyServices = companyAttributes.putArray("unify.services");
        ArrayNode companyNumbers = companyAttributes.putArray("unify.customerNumbers");
        for (int s = 1; s <= SERVICES; s++) {
            String service = serviceId(s);
            ObjectNode client = clients.addObject().put("clientId", service).put("publicClient", true)
                    .put("standardFlowEnabled", true);
            client.putArray("redirectUris").add(BenchRealm.REDIRECT_URI.toString());
            client.putObject("attributes").put("unify.service", "true")
                    .put("unify.service.name", "Service " + s).put("unify.service.name.fi", "Palvelu " + s)
                    .put("unify.service.description", "Bench service " + s)
                    .put("unify.service.url", "https://service-" + s + ".bench.unify.localhost/");
            clientRoles.putArray(service).addObject().put("name", "access");
            companyServices.add(service);
        }
        for (int n = 1; n <= CUSTOMER_NUMBERS + 10; n++) {
            companyNumbers.add(customerNumber(n));
        }

        ObjectNode client = clients.addObject().put("clientId", CLIENT_ID).put("publicClient", true)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true);
        if (withMapper) {
            client.putArray("protocolMappers").addObject()
                    .put("name", "unify entitlements").put("protocol", "openid-connect")
                    .put("protocolMapper", "unify-entitlements-mapper")
                    .putObject("config").put("claim.name", CLAIM).put("unify.service.language", "")
                    .put("id.token.claim", "true").put("access.token.claim", "true")
                    .put("userinfo.token.claim", "true").put("introspection.token.claim", "true");
        }

        ArrayNode members = company.putArray("members");
        for (int w = 0; w < context.concurrency(); w++) {
            ObjectNode user = realm.addUser(username(w), true);
            ArrayNode numbers = user.putObject("attributes").putArray("unify.customerNumbers");
            for (int n = 1; n <= CUSTOMER_NUMBERS; n++) {
                numbers.add(customerNumber(n));
            }
            ObjectNode roles = user.putObject("clientRoles");
            for (int s = 1; s <= SERVICES; s++) {
                roles.putArray(serviceId(s)).add("access");
            }
            members.addObject().put("username", username(w));
        }

        context.admin().deleteRealmIfExists(realmName);
        context.admin().createRealm(rep);
        tokenEndpoint = URI.create(context.realmUrl(realmName) + "/protocol/openid-connect/token");

        // One session per worker; the steps refresh it.
        refreshTokens = new AtomicReferenceArray<>(context.concurrency());
        for (int w = 0; w < context.concurrency(); w++) {
            JsonNode tokens = tokenRequest("grant_type=password&client_id=" + CLIENT_ID + "&scope=openid&username="
                    + encode(username(w)) + "&password=" + encode(BenchRealm.PASSWORD));
            checkClaim(tokens, true);
            refreshTokens.set(w, tokens.path("refresh_token").asText());
        }
    }

    void step(int worker) throws Exception {
        JsonNode tokens = tokenRequest("grant_type=refresh_token&client_id=" + CLIENT_ID + "&refresh_token="
                + encode(refreshTokens.get(worker)));
        checkClaim(tokens, false);
        refreshTokens.set(worker, tokens.path("refresh_token").asText());
    }

    void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists(realmName);
    }

    private JsonNode tokenRequest(String form) throws Exception {
        HttpResponse<String> response = context.http().send(HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** The claim is there, complete, exactly when the mapper is on (decoded client-side: costs the server nothing). */
    private void checkClaim(JsonNode tokens, boolean counts) throws Exception {
        String accessToken = tokens.path("access_token").asText();
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3 || tokens.path("refresh_token").asText().isEmpty()) {
            throw new IllegalStateException("No tokens: " + tokens);
        }
        JsonNode claim = json.readTree(Base64.getUrlDecoder().decode(parts[1])).get(CLAIM);
        if (withMapper != (claim != null)) {
            throw new IllegalStateException("Claim " + CLAIM + (withMapper ? " missing" : " present without the mapper"));
        }
        if (withMapper && counts && (claim.path("services").size() != SERVICES
                || claim.path("customerNumbers").size() != CUSTOMER_NUMBERS)) {
            throw new IllegalStateException("Expected " + SERVICES + " services and " + CUSTOMER_NUMBERS
                    + " customer numbers in " + claim);
        }
    }

    private static String serviceId(int s) {
        return String.format("service-%02d", s);
    }

    private static String customerNumber(int n) {
        return String.format("C-%04d", n);
    }

    private static String username(int worker) {
        return "tokens-" + worker;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
