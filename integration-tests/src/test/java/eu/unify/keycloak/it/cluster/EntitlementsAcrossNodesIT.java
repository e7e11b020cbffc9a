package eu.unify.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.cluster.ClusterBrowser.Page;
import eu.unify.keycloak.it.entitlements.GatedBrowserFlow;

/**
 * Entitlements on a cluster: a service granted through node 1's admin REST API is in the very next token node 2
 * issues, and node 2's gate lets the user in. Keycloak's realm and user caches are per node and invalidated across
 * the cluster; these tests fail if a node serves a stale copy. Each step warms node 2's caches first.
 */
@ExtendWith(ClusterExtension.class)
class EntitlementsAcrossNodesIT {

    private static final String PASSWORD = SuiteSecrets.register("Cluster-palvelu-salasana-3");
    private static final String SECRET = SuiteSecrets.register("cluster-shop-secret");
    private static final String SHOP = "shop";

    private static ClusterRealm realm;
    private static KeycloakCluster cluster;

    @BeforeAll
    static void realm(KeycloakCluster theCluster, ClusterMail mail) {
        cluster = theCluster;
        cluster.front().mode(ClusterFront.Mode.ROUND_ROBIN);
        realm = ClusterRealm.create(cluster, mail, "cluster-entitlements");
        RealmResource admin = realm.admin();
        admin.clients().create(shop()).close();
        String shopId = admin.clients().findByClientId(SHOP).get(0).getId();
        RoleRepresentation access = new RoleRepresentation();
        access.setName("access");
        access.setDescription("May use the service");
        admin.clients().get(shopId).roles().create(access);
        GatedBrowserFlow.install(admin, "auth-username-password-form");
    }

    @AfterAll
    static void dropRealm() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void aServiceGrantedThroughNodeOneIsInNodeTwosNextToken() {
        String email = "granted-token@example.com";
        String userId = realm.createUser(email, PASSWORD);
        assertThat(services(token(2, email))).as("before the grant").isEmpty();

        grantShop(userId);

        assertThat(services(token(2, email))).as("node 2's next token").containsExactly(SHOP);
        assertThat(services(token(1, email))).as("node 1's next token").containsExactly(SHOP);
    }

    @Test
    void nodeTwosGateLetsInAUserGrantedThroughNodeOne() {
        String email = "granted-gate@example.com";
        String userId = realm.createUser(email, PASSWORD);
        cluster.front().pin(2);
        ClusterBrowser before = realm.newBrowser();
        Page denied = signIn(before, email);
        assertThat(denied.text()).as("node 2 turns the user away before the grant")
                .contains("does not have access to");

        grantShop(userId);

        cluster.front().pin(2);
        ClusterBrowser after = realm.newBrowser();
        Page in = signIn(after, email);
        assertThat(after.lastRedirect()).as("node 2 lets the user in: %s", in.text()).isNotNull();
        assertThat(after.lastRedirect().getQuery()).contains("code=");
    }

    private static Page signIn(ClusterBrowser browser, String email) {
        Page login = browser.get(realm.authUrl().replace("client_id=" + ClusterRealm.CLIENT, "client_id=" + SHOP));
        return browser.submit(login, "kc-form-login", Map.of("username", email, "password", PASSWORD));
    }

    /** Grants the shop through node 1's admin REST API. */
    private static void grantShop(String userId) {
        RealmResource onNodeOne = realm.admin(1);
        String shopId = onNodeOne.clients().findByClientId(SHOP).get(0).getId();
        onNodeOne.users().get(userId).roles().clientLevel(shopId)
                .add(List.of(onNodeOne.clients().get(shopId).roles().get("access").toRepresentation()));
    }

    private static String token(int node, String email) {
        cluster.front().pin(node);
        ClusterTokens.Reply reply = ClusterTokens.passwordGrant(cluster.frontUrl(), realm.name(), SHOP, SECRET, email,
                PASSWORD);
        assertThat(reply.status()).as("node %d: %s", node, reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    private static List<String> services(String accessToken) {
        JsonNode claim = ClusterTokens.payload(accessToken).get("entitlements");
        assertThat(claim).as("the entitlements claim").isNotNull();
        List<String> ids = new ArrayList<>();
        claim.get("services").forEach(s -> ids.add(s.get("clientId").asText()));
        return ids;
    }

    private static ClientRepresentation shop() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(SHOP);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setSecret(SECRET);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setRedirectUris(List.of(ClusterRealm.REDIRECT_URI));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("unify.service", "true");
        attributes.put("unify.service.name", "Web shop");
        client.setAttributes(attributes);
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("entitlements");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("unify-entitlements-mapper");
        mapper.setConfig(Map.of("claim.name", "entitlements", "access.token.claim", "true", "id.token.claim", "true",
                "userinfo.token.claim", "true", "introspection.token.claim", "true"));
        client.setProtocolMappers(new ArrayList<>(List.of(mapper)));
        return client;
    }
}
