package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * A user who is a member of two companies (acme and globex), on every surface: each company admin reads and changes
 * only their company's slice of the member (the services and customer numbers their company holds), a right both
 * companies hold stays until neither does, removing the member from one company leaves what the other gave; the
 * claim and the service menu carry what every company gave; the access gate names the admins of the companies that
 * hold the service. The rule is in entitlements/README.md ("A user in several companies").
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class TwoCompanyMemberIT {

    /** In both companies; shop is acme's, reports globex's, invoices both hold. */
    static final String KAISA = "kaisa@partner.example";
    /** In both companies, without any service. */
    static final String VILLE = "ville@partner.example";
    /** In both companies, with the company admin role: an admin of neither. */
    static final String PEKKA = "pekka.admin@partner.example";

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @TestSetup
    public void twoCompaniesWithSharedMembers() {
        CompanySetup companies = CompanySetup.create(realm);
        CompanySetup.sharedMember(realm, KAISA, "Kaisa", List.of(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES,
                CompanyRealmConfig.REPORTS), List.of(), List.of("100234", "200100"), companies.acmeId, companies.globexId);
        CompanySetup.sharedMember(realm, VILLE, "Ville", List.of(), List.of(), List.of(), companies.acmeId,
                companies.globexId);
        CompanySetup.sharedMember(realm, PEKKA, "Pekka", List.of(), List.of("unify-company-admin"), List.of(),
                companies.acmeId, companies.globexId);
        GatedBrowserFlow.install(realm);
    }

    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    // ------------------------------------------------------------------------------------------------------
    // The company admin API: each company's slice
    // ------------------------------------------------------------------------------------------------------

    @Test
    void eachCompanyAdminReadsOnlyTheirCompanysSliceOfASharedMember() {
        String kaisa = CompanySetup.userId(realm, KAISA);
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        UnifyApi bert = UnifyApi.as(realm, oauth, CompanyRealmConfig.GLOBEX_ADMIN);

        JsonNode byAcme = ok(aino.get("company/members/" + kaisa));
        assertThat(texts(byAcme.get("services"))).containsExactly("invoices", "shop");
        assertThat(texts(byAcme.get("grantedServices"))).containsExactly("invoices", "shop");
        assertThat(texts(byAcme.get("customerNumbers"))).containsExactly("100234");

        JsonNode byGlobex = ok(bert.get("company/members/" + kaisa));
        assertThat(texts(byGlobex.get("services"))).containsExactly("invoices", "reports");
        assertThat(texts(byGlobex.get("grantedServices"))).containsExactly("invoices", "reports");
        assertThat(texts(byGlobex.get("customerNumbers"))).containsExactly("200100");

        // The list shows the same slice, and an admin role held in two companies makes an admin of neither.
        JsonNode acmeList = ok(aino.get("company/members"));
        assertThat(texts(member(acmeList, KAISA).get("services"))).containsExactly("invoices", "shop");
        assertThat(texts(member(acmeList, KAISA).get("customerNumbers"))).containsExactly("100234");
        assertThat(member(acmeList, PEKKA).get("companyAdmin").asBoolean()).isFalse();
        JsonNode globexList = ok(bert.get("company/members"));
        assertThat(texts(member(globexList, KAISA).get("customerNumbers"))).containsExactly("200100");
        assertThat(member(globexList, PEKKA).get("companyAdmin").asBoolean()).isFalse();
    }

    @Test
    void customerNumberChangesTouchOnlyTheCallersCompanysNumbers() {
        String kaisa = CompanySetup.userId(realm, KAISA);
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);

        assertThat(aino.put("company/members/" + kaisa + "/customer-numbers/FI-4411").status()).isEqualTo(204);
        assertThat(customerNumbers(kaisa)).containsExactlyInAnyOrder("100234", "200100", "FI-4411");
        assertThat(aino.delete("company/members/" + kaisa + "/customer-numbers/100234").status()).isEqualTo(204);
        assertThat(aino.delete("company/members/" + kaisa + "/customer-numbers/FI-4411").status()).isEqualTo(204);
        assertThat(customerNumbers(kaisa)).as("globex's number stays").containsExactly("200100");

        // Globex's number is not acme's to revoke (403, as for any number acme does not hold).
        assertRefused(aino.delete("company/members/" + kaisa + "/customer-numbers/200100"), 403,
                "customer-number-not-held");
        assertThat(customerNumbers(kaisa)).containsExactly("200100");

        assertThat(aino.put("company/members/" + kaisa + "/customer-numbers/100234").status()).isEqualTo(204);
        assertThat(customerNumbers(kaisa)).containsExactlyInAnyOrder("100234", "200100");
    }

    @Test
    void aServiceBothCompaniesHoldIsSharedAndNeitherRevokesItAlone() {
        String kaisa = CompanySetup.userId(realm, KAISA);
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        UnifyApi bert = UnifyApi.as(realm, oauth, CompanyRealmConfig.GLOBEX_ADMIN);
        int events = adminEvents().size();

        assertRefused(aino.delete("company/members/" + kaisa + "/services/invoices"), 409, "shared-with-another-company");
        assertRefused(bert.delete("company/members/" + kaisa + "/services/invoices"), 409, "shared-with-another-company");
        assertRefused(aino.delete("company/members/" + kaisa + "/services/reports"), 403, "service-not-held");
        assertThat(serviceRoles(kaisa, CompanyRealmConfig.INVOICES)).containsExactly("access");
        assertThat(serviceRoles(kaisa, CompanyRealmConfig.REPORTS)).containsExactly("access");
        assertThat(adminEvents()).as("refusals change nothing").hasSize(events);

        // What only one company holds is that company's to revoke and grant again.
        assertThat(aino.delete("company/members/" + kaisa + "/services/shop").status()).isEqualTo(204);
        assertThat(serviceRoles(kaisa, CompanyRealmConfig.SHOP)).isEmpty();
        assertThat(serviceRoles(kaisa, CompanyRealmConfig.INVOICES)).containsExactly("access");
        assertThat(serviceRoles(kaisa, CompanyRealmConfig.REPORTS)).containsExactly("access");
        assertThat(aino.put("company/members/" + kaisa + "/services/shop").status()).isEqualTo(204);
        assertThat(serviceRoles(kaisa, CompanyRealmConfig.SHOP)).containsExactly("access");
    }

    @Test
    void removingASharedMemberLeavesWhatTheOtherCompanyGave() {
        String acme = orgId("acme");
        String globex = orgId("globex");
        String jouni = CompanySetup.sharedMember(realm, "jouni@partner.example", "Jouni",
                List.of(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES, CompanyRealmConfig.REPORTS), List.of(),
                List.of("100234", "FI-4411", "200100"), acme, globex);
        int events = adminEvents().size();

        UnifyApi.Reply reply = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN).delete("company/members/" + jouni);
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);

        assertThat(members(acme)).doesNotContain("jouni@partner.example");
        assertThat(members(globex)).contains("jouni@partner.example");
        assertThat(serviceRoles(jouni, CompanyRealmConfig.SHOP)).as("acme's service is revoked").isEmpty();
        assertThat(serviceRoles(jouni, CompanyRealmConfig.INVOICES)).as("globex holds it too").containsExactly("access");
        assertThat(serviceRoles(jouni, CompanyRealmConfig.REPORTS)).as("globex's service").containsExactly("access");
        assertThat(customerNumbers(jouni)).as("globex's number").containsExactly("200100");

        List<AdminEventRepresentation> recorded = newEvents(events);
        assertThat(recorded).extracting(e -> e.getOperationType() + " " + e.getResourceType())
                .containsExactlyInAnyOrder("DELETE CLIENT_ROLE_MAPPING", "UPDATE USER", "DELETE ORGANIZATION_MEMBERSHIP");

        // From now on Jouni is globex's alone: the claim names globex and its number.
        Map<?, ?> claim = claim(jouniToken());
        assertThat(((Map<?, ?>) claim.get("company")).get("alias")).isEqualTo("globex");
        assertThat(claim.get("customerNumbers")).isEqualTo(List.of("200100"));
    }

    @Test
    void anAdminRoleInTwoCompaniesAdministersNeither() {
        UnifyApi pekka = UnifyApi.as(realm, oauth, PEKKA);
        assertRefused(pekka.get("company"), 403, "not-company-admin");
        assertRefused(pekka.get("company/members"), 403, "not-company-admin");
        assertRefused(pekka.put("company/members/" + CompanySetup.userId(realm, VILLE) + "/services/shop"), 403,
                "not-company-admin");
        assertThat(serviceRoles(CompanySetup.userId(realm, VILLE), CompanyRealmConfig.SHOP)).isEmpty();
    }

    @Test
    void anInvitationOfASharedMembersAddressIsRefusedAsExisting() {
        UnifyApi.Reply reply = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN)
                .post("company/members", "{\"email\": \"" + KAISA + "\"}");
        assertRefused(reply, 400, "already-exists");
    }

    // ------------------------------------------------------------------------------------------------------
    // The claim, the service menu and the gate: the same rule
    // ------------------------------------------------------------------------------------------------------

    @Test
    void theClaimAndTheMenuCarryWhatEveryCompanyGave() {
        AccessTokenResponse tokens = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doPasswordGrantRequest(KAISA, CompanyRealmConfig.PASSWORD);
        Map<?, ?> claim = claim(tokens);
        assertThat(claim.get("services")).isEqualTo(List.of(
                Map.of("clientId", "invoices", "name", "Laskut"),
                Map.of("clientId", "reports", "name", "Raportit"),
                Map.of("clientId", "shop", "name", "Verkkokauppa")));
        assertThat(claim.get("customerNumbers")).as("acme's, then globex's").isEqualTo(List.of("100234", "200100"));
        assertThat(((Map<?, ?>) claim.get("company")).get("alias")).as("the first by alias").isEqualTo("acme");
        List<Object> aliases = ((List<?>) claim.get("companies")).stream()
                .map(c -> (Object) ((Map<?, ?>) c).get("alias")).toList();
        assertThat(aliases).containsExactly("acme", "globex");

        JsonNode menu = ok(UnifyApi.as(realm, oauth, KAISA).get("services"));
        List<String> services = new ArrayList<>();
        menu.get("services").forEach(s -> services.add(s.get("clientId").asText()));
        assertThat(services).containsExactly("invoices", "reports", "shop");
        assertThat(texts(menu.get("customerNumbers"))).containsExactly("100234", "200100");
        assertThat(menu.get("company").get("alias").asText()).isEqualTo("acme");
        List<String> companies = new ArrayList<>();
        menu.get("companies").forEach(c -> companies.add(c.get("alias").asText()));
        assertThat(companies).containsExactly("acme", "globex");
    }

    @Test
    void theGateNamesTheAdminsOfTheCompaniesThatHoldTheService() {
        // Reports is globex's: Bert grants it, Aino cannot.
        String reportsPage = deniedPage(CompanyRealmConfig.REPORTS);
        assertThat(reportsPage).contains(CompanyRealmConfig.GLOBEX_ADMIN).doesNotContain(CompanyRealmConfig.ACME_ADMIN)
                .doesNotContain(PEKKA);

        driver.cookies().deleteAll();
        String shopPage = deniedPage(CompanyRealmConfig.SHOP);
        assertThat(shopPage).contains(CompanyRealmConfig.ACME_ADMIN).doesNotContain(CompanyRealmConfig.GLOBEX_ADMIN)
                .doesNotContain(PEKKA);

        driver.cookies().deleteAll();
        String invoicesPage = deniedPage(CompanyRealmConfig.INVOICES);
        assertThat(invoicesPage).contains(CompanyRealmConfig.ACME_ADMIN).contains(CompanyRealmConfig.GLOBEX_ADMIN)
                .doesNotContain(PEKKA);
    }

    // ------------------------------------------------------------------------------------------------------

    private String deniedPage(String service) {
        oauth.client(service, CompanyRealmConfig.SECRET).openLoginForm();
        loginPage.fillLogin(VILLE, CompanyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        assertThat(driver.getCurrentUrl()).as("no code was issued to %s", service).doesNotContain("code=");
        return driver.findElement(By.id("unify-service-access")).getText();
    }

    private AccessTokenResponse jouniToken() {
        return oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doPasswordGrantRequest("jouni@partner.example", CompanyRealmConfig.PASSWORD);
    }

    private Map<?, ?> claim(AccessTokenResponse tokens) {
        assertThat(tokens.getAccessToken()).as("signed in: %s", tokens.getError()).isNotNull();
        Map<?, ?> claim = (Map<?, ?>) oauth.parseToken(tokens.getAccessToken(), AccessToken.class).getOtherClaims()
                .get("entitlements");
        assertThat(claim).as("entitlements claim").isNotNull();
        return claim;
    }

    private static JsonNode ok(UnifyApi.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private static void assertRefused(UnifyApi.Reply reply, int status, String error) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).as("%s", reply).isEqualTo(error);
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }

    private List<AdminEventRepresentation> adminEvents() {
        return realm.admin().getAdminEvents(null, null, null, null, null, null, null, null, 0, 100_000);
    }

    private List<AdminEventRepresentation> newEvents(int before) {
        List<AdminEventRepresentation> all = adminEvents();
        return all.subList(0, all.size() - before);
    }

    private List<String> serviceRoles(String userId, String clientId) {
        var client = realm.admin().clients().findByClientId(clientId).get(0);
        return realm.admin().users().get(userId).roles().clientLevel(client.getId()).listAll().stream()
                .map(RoleRepresentation::getName).toList();
    }

    private List<String> customerNumbers(String userId) {
        Map<String, List<String>> attributes = realm.admin().users().get(userId).toRepresentation().getAttributes();
        return attributes == null ? List.of() : attributes.getOrDefault("unify.customerNumbers", List.of());
    }

    private String orgId(String alias) {
        return realm.admin().organizations().getAll().stream().filter(org -> alias.equals(org.getAlias()))
                .findFirst().orElseThrow().getId();
    }

    private List<String> members(String orgId) {
        return realm.admin().organizations().get(orgId).members().getAll().stream()
                .map(MemberRepresentation::getEmail).toList();
    }

    private static JsonNode member(JsonNode members, String email) {
        for (JsonNode member : members) {
            if (email.equals(member.get("email").asText())) {
                return member;
            }
        }
        throw new AssertionError(email + " not in " + members);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
