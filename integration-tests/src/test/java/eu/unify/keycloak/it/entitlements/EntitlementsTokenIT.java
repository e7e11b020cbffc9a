package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;

import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The {@code unify-entitlements-mapper} claim in the access token, ID token, userinfo and introspection, and
 * {@code GET /realms/{realm}/unify/services}: both list exactly the user's services and customer numbers.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class EntitlementsTokenIT {

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @TestSetup
    public void companies() {
        CompanySetup.create(realm);
        // A stale number the company no longer holds: kept on the user, left out of tokens.
        UserRepresentation matti = CompanySetup.user(realm, CompanyRealmConfig.ACME_MEMBER);
        matti.getAttributes().put("unify.customerNumbers", List.of("100234", "FI-4411", "300300"));
        realm.admin().users().get(matti.getId()).update(matti);
    }

    @Test
    void everyTokenCarriesTheClaimWithTheUsersServicesNumbersAndCompany() throws Exception {
        AccessTokenResponse tokens = oauth.client(CompanyRealmConfig.SHOP, CompanyRealmConfig.SECRET)
                .doPasswordGrantRequest(CompanyRealmConfig.ACME_MEMBER, CompanyRealmConfig.PASSWORD);
        assertThat(tokens.getAccessToken()).as("signed in: %s", tokens.getError()).isNotNull();

        Map<String, Object> expected = Map.of(
                "services", List.of(Map.of("clientId", "shop", "name", "Verkkokauppa")),
                "customerNumbers", List.of("100234", "FI-4411"));
        Map<?, ?> access = (Map<?, ?>) oauth.parseToken(tokens.getAccessToken(), AccessToken.class)
                .getOtherClaims().get("entitlements");
        assertClaim(access, expected, "acme", "Acme Oy");
        Map<?, ?> id = (Map<?, ?>) oauth.parseToken(tokens.getIdToken(), IDToken.class).getOtherClaims().get("entitlements");
        assertClaim(id, expected, "acme", "Acme Oy");
        Map<?, ?> userInfo = (Map<?, ?>) oauth.doUserInfoRequest(tokens.getAccessToken()).getUserInfo()
                .getOtherClaims().get("entitlements");
        assertClaim(userInfo, expected, "acme", "Acme Oy");

        JsonNode introspected = oauth.doIntrospectionAccessTokenRequest(tokens.getAccessToken()).asJsonNode();
        assertThat(introspected.get("active").asBoolean()).isTrue();
        JsonNode claim = introspected.get("entitlements");
        assertThat(claim).as("introspection: %s", introspected).isNotNull();
        assertThat(claim.get("services").get(0).get("clientId").asText()).isEqualTo("shop");
        assertThat(claim.get("services")).hasSize(1);
        assertThat(claim.get("company").get("alias").asText()).isEqualTo("acme");
    }

    @Test
    void aUserWithoutRightsGetsAnEmptyClaimWithTheirCompany() {
        AccessTokenResponse tokens = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doPasswordGrantRequest(CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.PASSWORD);
        Map<?, ?> claim = (Map<?, ?>) oauth.parseToken(tokens.getAccessToken(), AccessToken.class)
                .getOtherClaims().get("entitlements");
        assertClaim(claim, Map.of("services", List.of(), "customerNumbers", List.of()), "acme", "Acme Oy");
    }

    @Test
    void servicesGrantedThroughAGroupCountAndNamesFollowTheUsersLanguage() {
        GroupRepresentation group = new GroupRepresentation();
        group.setName("report-readers");
        String groupId;
        try (var response = realm.admin().groups().add(group)) {
            groupId = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
        }
        var reports = realm.admin().clients().findByClientId(CompanyRealmConfig.REPORTS).get(0);
        realm.admin().groups().group(groupId).roles().clientLevel(reports.getId()).add(
                List.of(realm.admin().clients().get(reports.getId()).roles().get("access").toRepresentation()));
        String berta = CompanySetup.userId(realm, CompanyRealmConfig.GLOBEX_MEMBER);
        realm.admin().users().get(berta).joinGroup(groupId);
        try {
            AccessTokenResponse tokens = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                    .doPasswordGrantRequest(CompanyRealmConfig.GLOBEX_MEMBER, CompanyRealmConfig.PASSWORD);
            Map<?, ?> claim = (Map<?, ?>) oauth.parseToken(tokens.getAccessToken(), AccessToken.class)
                    .getOtherClaims().get("entitlements");
            // Berta reads German: no German names are set, so the default names are used.
            assertClaim(claim, Map.of(
                    "services", List.of(Map.of("clientId", "invoices", "name", "Invoices"),
                            Map.of("clientId", "reports", "name", "Reports")),
                    "customerNumbers", List.of("200100")), "globex", "Globex GmbH");

            UnifyApi.Reply reply = UnifyApi.as(realm, oauth, CompanyRealmConfig.GLOBEX_MEMBER).get("services");
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(clientIds(reply.json().get("services"))).containsExactly("invoices", "reports");
        } finally {
            realm.admin().users().get(berta).leaveGroup(groupId);
            realm.admin().groups().group(groupId).remove();
        }
    }

    @Test
    void theServiceMenuListsExactlyTheCallersServicesInTheirLanguage() {
        UnifyApi.Reply reply = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_MEMBER).get("services");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("locale").asText()).isEqualTo("fi");
        assertThat(clientIds(body.get("services"))).containsExactly("shop");
        JsonNode shop = body.get("services").get(0);
        assertThat(shop.get("name").asText()).isEqualTo("Verkkokauppa");
        assertThat(shop.get("description").asText()).isEqualTo("Tilaa tuotteet yrityksellesi");
        assertThat(shop.get("url").asText()).isEqualTo("https://shop.example");
        assertThat(shop.get("icon").asText()).isEqualTo("https://shop.example/icon.svg");
        List<String> numbers = new ArrayList<>();
        body.get("customerNumbers").forEach(n -> numbers.add(n.asText()));
        assertThat(numbers).containsExactly("100234", "FI-4411");
        assertThat(body.get("company").get("alias").asText()).isEqualTo("acme");

        UnifyApi.Reply none = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_NO_RIGHTS).get("services");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("services")).isEmpty();
    }

    @Test
    void theServiceMenuNeedsAValidToken() {
        UnifyApi.Reply reply = UnifyApi.anonymous(realm).get("services");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("unauthorized");
        // An app in the browser can read that answer, so it knows to sign in again rather than report a network error.
        UnifyApi.Reply fromApp = UnifyApi.anonymous(realm).getFrom(CompanyRealmConfig.APP_ORIGIN, "services");
        assertThat(fromApp.status()).isEqualTo(401);
        assertThat(fromApp.header("Access-Control-Allow-Origin")).isEqualTo(CompanyRealmConfig.APP_ORIGIN);
        assertThat(fromApp.json().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void appsOnTheClientsWebOriginMayReadTheServiceListFromTheBrowserOthersMayNot() {
        UnifyApi matti = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_MEMBER);
        UnifyApi.Reply allowed = matti.getFrom(CompanyRealmConfig.APP_ORIGIN, "services");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(CompanyRealmConfig.APP_ORIGIN);
        UnifyApi.Reply other = matti.getFrom("http://elsewhere.example", "services");
        assertThat(other.header("Access-Control-Allow-Origin")).as("no CORS grant for a foreign origin").isNull();
    }

    @Test
    void theServiceMenuComponentIsServedForOneScriptTag() {
        UnifyApi.Reply script = UnifyApi.anonymous(realm).getFrom(CompanyRealmConfig.APP_ORIGIN, "menu.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(script.body()).contains("customElements.define('unify-service-menu'")
                .contains("/unify/services").doesNotContain("innerHTML");
    }

    private static List<String> clientIds(JsonNode services) {
        List<String> ids = new ArrayList<>();
        services.forEach(service -> ids.add(service.get("clientId").asText()));
        return ids;
    }

    private static void assertClaim(Map<?, ?> claim, Map<String, Object> expected, String alias, String name) {
        assertThat(claim).as("entitlements claim").isNotNull();
        assertThat(claim.get("services")).isEqualTo(expected.get("services"));
        assertThat(claim.get("customerNumbers")).isEqualTo(expected.get("customerNumbers"));
        Map<?, ?> company = (Map<?, ?>) claim.get("company");
        assertThat(company.get("alias")).isEqualTo(alias);
        assertThat(company.get("name")).isEqualTo(name);
        assertThat(company.get("id")).isNotNull();
    }
}
