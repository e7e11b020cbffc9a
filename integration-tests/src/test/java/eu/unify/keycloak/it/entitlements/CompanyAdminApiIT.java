package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;

import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The company admin API over HTTP: a company admin lists, invites, grants, revokes and removes within their own
 * company, every change is an admin event; every attempt beyond the company or the admin's powers is 403 and
 * changes nothing, every invalid request 400.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class CompanyAdminApiIT {

    private static final Pattern ACTION_LINK = Pattern.compile("href=\"(http[^\"]*login-actions/action-token[^\"]*)\"");

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectMailServer
    MailServer mail;

    @TestSetup
    public void companiesAndTheActivationAction() {
        CompanySetup.create(realm);
        boolean registered = realm.admin().flows().getRequiredActions().stream()
                .anyMatch(a -> "unify-account-activation".equals(a.getProviderId()));
        if (!registered) {
            RequiredActionProviderSimpleRepresentation action = new RequiredActionProviderSimpleRepresentation();
            action.setProviderId("unify-account-activation");
            action.setName("Activate account with an emailed code");
            realm.admin().flows().registerRequiredAction(action);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // What a company admin may do
    // ------------------------------------------------------------------------------------------------------

    @Test
    void listsTheMembersOfTheirOwnCompanyWithServicesAndCustomerNumbers() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        UnifyApi.Reply reply = aino.get("company/members");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        reply.json().forEach(m -> emails.add(m.get("email").asText()));
        // Other tests of the class may have invited more Acme members; nobody of Globex is listed.
        assertThat(emails).contains(CompanyRealmConfig.ACME_ADMIN, CompanyRealmConfig.ACME_MEMBER,
                CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.ACME_REALM_ADMIN);
        assertThat(emails).allMatch(email -> email.endsWith("acme.example"));
        JsonNode matti = member(reply.json(), CompanyRealmConfig.ACME_MEMBER);
        assertThat(texts(matti.get("services"))).containsExactly("shop");
        assertThat(texts(matti.get("customerNumbers"))).containsExactly("100234", "FI-4411");
        assertThat(matti.get("companyAdmin").asBoolean()).isFalse();
        assertThat(member(reply.json(), CompanyRealmConfig.ACME_ADMIN).get("companyAdmin").asBoolean()).isTrue();

        UnifyApi.Reply company = aino.get("company");
        assertThat(company.status()).isEqualTo(200);
        assertThat(company.json().get("alias").asText()).isEqualTo("acme");
        assertThat(texts(company.json().get("customerNumbers"))).containsExactly("100234", "100235", "FI-4411");
        List<String> services = new ArrayList<>();
        company.json().get("services").forEach(s -> services.add(s.get("clientId").asText()));
        assertThat(services).containsExactly("shop", "invoices");
    }

    @Test
    void grantsAndRevokesServicesAndCustomerNumbersWithAnAdminEventEach() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String liisa = CompanySetup.userId(realm, CompanyRealmConfig.ACME_NO_RIGHTS);
        String ainoId = CompanySetup.userId(realm, CompanyRealmConfig.ACME_ADMIN);
        int eventsBefore = adminEvents().size();

        assertThat(aino.put("company/members/" + liisa + "/services/invoices").status()).isEqualTo(204);
        assertThat(serviceRoles(liisa, CompanyRealmConfig.INVOICES)).containsExactly("access");
        assertThat(aino.put("company/members/" + liisa + "/customer-numbers/100235").status()).isEqualTo(204);
        assertThat(customerNumbers(liisa)).containsExactly("100235");

        List<AdminEventRepresentation> events = newEvents(eventsBefore);
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getAuthDetails().getUserId()).isEqualTo(ainoId);
            assertThat(e.getResourcePath()).startsWith("users/" + liisa);
        });
        assertThat(events).anyMatch(e -> "CREATE".equals(e.getOperationType())
                && "CLIENT_ROLE_MAPPING".equals(e.getResourceType()));
        assertThat(events).anyMatch(e -> "UPDATE".equals(e.getOperationType()) && "USER".equals(e.getResourceType()));

        int eventsMiddle = adminEvents().size();
        assertThat(aino.delete("company/members/" + liisa + "/services/invoices").status()).isEqualTo(204);
        assertThat(serviceRoles(liisa, CompanyRealmConfig.INVOICES)).isEmpty();
        assertThat(aino.delete("company/members/" + liisa + "/customer-numbers/100235").status()).isEqualTo(204);
        assertThat(customerNumbers(liisa)).isEmpty();
        assertThat(newEvents(eventsMiddle)).extracting(AdminEventRepresentation::getOperationType)
                .containsExactlyInAnyOrder("DELETE", "UPDATE");
    }

    @Test
    void invitesANewMemberWhoGetsTheActivationEmail() throws Exception {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String email = "uusi.tyontekija@acme.example";
        UnifyApi.Reply reply = aino.post("company/members", """
                {"email": "%s", "firstName": "Uusi", "lastName": "Työntekijä", "locale": "fi",
                 "services": ["shop"], "customerNumbers": ["100234"]}""".formatted(email));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        String id = reply.json().get("id").asText();

        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getLastName()).isEqualTo("Työntekijä");
        assertThat(serviceRoles(id, CompanyRealmConfig.SHOP)).containsExactly("access");
        assertThat(customerNumbers(id)).containsExactly("100234");
        assertThat(acmeMembers()).contains(email);

        List<MimeMessage> mails = Mails.to(mail, email);
        assertThat(mails).hasSize(1);
        Matcher link = ACTION_LINK.matcher(Mails.html(mails.get(0)));
        assertThat(link.find()).as("activation link in the invitation").isTrue();

        UnifyApi.Reply again = aino.post("company/members", "{\"email\": \"" + email + "\"}");
        assertThat(again.status()).as("%s", again).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("already-exists");
        assertThat(Mails.to(mail, email)).as("no second invitation").hasSize(1);
    }

    @Test
    void removesAMemberFromTheCompany() {
        String id = createAcmeMember("leaving@acme.example");
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        assertThat(aino.put("company/members/" + id + "/services/shop").status()).isEqualTo(204);

        UnifyApi.Reply reply = aino.delete("company/members/" + id);
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);
        assertThat(acmeMembers()).doesNotContain("leaving@acme.example");
        assertThat(serviceRoles(id, CompanyRealmConfig.SHOP)).isEmpty();
        assertThat(adminEvents()).anyMatch(e -> "ORGANIZATION_MEMBERSHIP".equals(e.getResourceType())
                && "DELETE".equals(e.getOperationType()) && e.getResourcePath().endsWith(id));
    }

    // ------------------------------------------------------------------------------------------------------
    // Invalid input: 400, no change
    // ------------------------------------------------------------------------------------------------------

    @Test
    void invalidInputIsRefusedWithAClearMessageAndChangesNothing() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String liisa = CompanySetup.userId(realm, CompanyRealmConfig.ACME_NO_RIGHTS);
        int events = adminEvents().size();
        int users = realm.admin().users().count();

        assertRefused(aino.put("company/members/" + liisa + "/services/no-such-service"), 400, "unknown-service");
        assertRefused(aino.put("company/members/" + liisa + "/customer-numbers/" + UnifyApi.segment("bad number!")),
                400, "invalid-customer-number");
        assertRefused(aino.post("company/members", "{\"email\": \"x1@acme.example\", \"services\": [\"no-such-service\"]}"),
                400, "unknown-service");
        assertRefused(aino.post("company/members", "{\"email\": \"x2@acme.example\", \"customerNumbers\": [\"1 2\"]}"),
                400, "invalid-customer-number");
        assertRefused(aino.post("company/members", "{\"email\": \"not an address\"}"), 400, "invalid-email");
        assertRefused(aino.post("company/members", "{\"email\": "), 400, "invalid-request");
        assertRefused(aino.post("company/members", "{\"email\": \"x3@acme.example\", \"firstName\": \""
                + "a".repeat(20_000) + "\"}"), 400, "payload-too-large");
        assertRefused(aino.post("company/members", "{\"email\": \"x4@acme.example\", \"realmRoles\": [\"admin\"]}"),
                400, "unknown-field");
        assertRefused(aino.post("company/members", "{\"email\": \"" + CompanyRealmConfig.ACME_MEMBER + "\"}"),
                400, "already-exists");

        assertThat(serviceRoles(liisa, CompanyRealmConfig.INVOICES)).isEmpty();
        assertThat(customerNumbers(liisa)).isEmpty();
        assertThat(realm.admin().users().count()).as("no account created").isEqualTo(users);
        assertThat(adminEvents()).as("no admin event").hasSize(events);
    }

    @Test
    void invitedNamesAreCheckedByTheRealmsUserProfile() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String ainoId = CompanySetup.userId(realm, CompanyRealmConfig.ACME_ADMIN);
        int events = adminEvents().size();
        int users = realm.admin().users().count();

        // Keycloak's default person-name rule refuses markup and template syntax ...
        assertRefusedNaming(aino.post("company/members", "{\"email\": \"x10@acme.example\", \"firstName\": "
                + "\"\\\"><img src=x onerror=alert(1)>\"}"), "invalid-field", "firstName");
        assertRefusedNaming(aino.post("company/members", "{\"email\": \"x11@acme.example\", \"lastName\": \"${7*7}\"}"),
                "invalid-field", "lastName");
        // ... and a rule the realm adds applies as well.
        UPConfig original = realm.admin().users().userProfile().getConfiguration();
        UPConfig stricter = realm.admin().users().userProfile().getConfiguration();
        stricter.getAttribute("lastName").addValidation("pattern", Map.of("pattern", "^[^0-9]*$",
                "error-message", "no digits in names"));
        realm.admin().users().userProfile().update(stricter);
        try {
            assertRefusedNaming(aino.post("company/members", "{\"email\": \"x12@acme.example\", \"lastName\": "
                    + "\"Laine2\"}"), "invalid-field", "lastName");
        } finally {
            realm.admin().users().userProfile().update(original);
        }

        assertThat(realm.admin().users().count()).as("no account created").isEqualTo(users);
        // The only new admin events are the realm admin's changes of the user profile.
        assertThat(newEvents(events)).as("no admin event of the company admin")
                .noneMatch(e -> ainoId.equals(e.getAuthDetails().getUserId()));
        assertThat(Mails.to(mail, "x10@acme.example")).isEmpty();
    }

    @Test
    void invitedAddressesMustBePlainAddressesOfTheCallersCompany() throws Exception {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        int events = adminEvents().size();
        int users = realm.admin().users().count();

        for (String address : List.of("a<b>@acme.example", "\\\"q\\\"@acme.example", "a'b\\\"c<d>@acme.example",
                "o\uFFFDx@acme.example", "x@acme.example.", "x@acme..example", "x y@acme.example", "x@-acme.example",
                // Plain syntax, but the username is the address, and Keycloak's default username rules refuse ' and $.
                "o'brien@acme.example", "$x@acme.example")) {
            assertRefusedNaming(aino.post("company/members", "{\"email\": \"" + address + "\"}"), "invalid-email", "email");
        }
        // An address in a subdomain of another company's domain belongs to that company.
        assertRefused(aino.post("company/members", "{\"email\": \"spy@mail.globex.example\"}"), 403,
                "other-company-domain");
        assertRefused(aino.post("company/members", "{\"email\": \"spy@MAIL.Globex.Example\"}"), 403,
                "other-company-domain");
        assertThat(realm.admin().users().count()).as("no account created").isEqualTo(users);
        assertThat(adminEvents()).as("no admin event").hasSize(events);

        // A subdomain of the company's own domain is its own.
        UnifyApi.Reply created = aino.post("company/members", "{\"email\": \"myynti@sales.acme.example\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(Mails.to(mail, "myynti@sales.acme.example")).as("the invitation").hasSize(1);
    }

    @Test
    void invitationBodiesAreBoundStrictlyAndPagingIsChecked() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        int users = realm.admin().users().count();

        assertRefusedNaming(aino.post("company/members", "{\"email\": \"x13@acme.example\", \"email\": "
                + "\"x14@acme.example\"}"), "duplicate-field", "email");
        assertRefusedNaming(aino.post("company/members", "{\"email\": [\"x15@acme.example\"]}"), "invalid-field", "email");
        assertRefusedNaming(aino.post("company/members", "{\"email\": \"x16@acme.example\", \"firstName\": 5}"),
                "invalid-field", "firstName");
        assertRefusedNaming(aino.post("company/members", "{\"email\": \"x17@acme.example\", \"services\": \"shop\"}"),
                "invalid-field", "services");
        assertRefused(aino.post("company/members", "{\"email\": \"x18@acme.example\"} {}"), 400, "invalid-request");
        assertThat(realm.admin().users().count()).as("no account created").isEqualTo(users);

        assertRefused(aino.get("company/members?max=abc"), 400, "invalid-paging");
        assertRefused(aino.get("company/members?first=x"), 400, "invalid-paging");
        assertRefused(aino.get("company/members?max=0"), 400, "invalid-paging");
        assertRefused(aino.get("company/members?max=101"), 400, "invalid-paging");
        assertThat(aino.get("company/members?first=0&max=2").json()).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------------------
    // Attacks: 403, no change
    // ------------------------------------------------------------------------------------------------------

    @Test
    void anotherCompanysAdminCanNeitherReadNorChangeNorRemoveNorInvite() {
        UnifyApi bert = UnifyApi.as(realm, oauth, CompanyRealmConfig.GLOBEX_ADMIN);
        String matti = CompanySetup.userId(realm, CompanyRealmConfig.ACME_MEMBER);
        int events = adminEvents().size();
        int users = realm.admin().users().count();

        assertRefused(bert.get("company/members/" + matti), 403, "not-a-member");
        UnifyApi.Reply list = bert.get("company/members");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("acme.example");
        // Globex holds invoices too, but Matti is not Bert's to change.
        assertRefused(bert.put("company/members/" + matti + "/services/invoices"), 403, "not-a-member");
        assertRefused(bert.delete("company/members/" + matti + "/services/shop"), 403, "not-a-member");
        assertRefused(bert.put("company/members/" + matti + "/customer-numbers/200100"), 403, "not-a-member");
        assertRefused(bert.delete("company/members/" + matti + "/customer-numbers/100234"), 403, "not-a-member");
        assertRefused(bert.delete("company/members/" + matti), 403, "not-a-member");
        assertRefused(bert.post("company/members", "{\"email\": \"spy@acme.example\"}"), 403, "other-company-domain");

        assertThat(serviceRoles(matti, CompanyRealmConfig.SHOP)).containsExactly("access");
        assertThat(serviceRoles(matti, CompanyRealmConfig.INVOICES)).isEmpty();
        assertThat(customerNumbers(matti)).containsExactly("100234", "FI-4411");
        assertThat(acmeMembers()).contains(CompanyRealmConfig.ACME_MEMBER);
        assertThat(realm.admin().users().count()).isEqualTo(users);
        assertThat(adminEvents()).hasSize(events);
    }

    @Test
    void nothingBeyondWhatTheCompanyHoldsCanBeGranted() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String matti = CompanySetup.userId(realm, CompanyRealmConfig.ACME_MEMBER);
        int events = adminEvents().size();
        int users = realm.admin().users().count();

        assertRefused(aino.put("company/members/" + matti + "/services/reports"), 403, "service-not-held");
        assertRefused(aino.put("company/members/" + matti + "/customer-numbers/200100"), 403, "customer-number-not-held");
        assertRefused(aino.post("company/members", "{\"email\": \"x5@acme.example\", \"services\": [\"reports\"]}"),
                403, "service-not-held");
        assertRefused(aino.post("company/members", "{\"email\": \"x6@acme.example\", \"customerNumbers\": [\"200100\"]}"),
                403, "customer-number-not-held");

        assertThat(serviceRoles(matti, CompanyRealmConfig.REPORTS)).isEmpty();
        assertThat(customerNumbers(matti)).containsExactly("100234", "FI-4411");
        assertThat(realm.admin().users().count()).isEqualTo(users);
        assertThat(adminEvents()).hasSize(events);
    }

    @Test
    void noOneCanBeMadeRealmAdminAndRealmAdminsAreOutOfReach() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String matti = CompanySetup.userId(realm, CompanyRealmConfig.ACME_MEMBER);
        String root = CompanySetup.userId(realm, CompanyRealmConfig.ACME_REALM_ADMIN);
        int events = adminEvents().size();

        assertRefused(aino.put("company/members/" + matti + "/services/realm-management"), 403, "service-not-held");
        assertRefused(aino.put("company/members/" + matti + "/services/security-admin-console"), 403, "service-not-held");
        assertRefused(aino.delete("company/members/" + root), 403, "protected-account");
        assertRefused(aino.put("company/members/" + root + "/services/shop"), 403, "protected-account");

        var management = realm.admin().clients().findByClientId("realm-management").get(0);
        assertThat(realm.admin().users().get(matti).roles().clientLevel(management.getId()).listEffective()).isEmpty();
        assertThat(acmeMembers()).contains(CompanyRealmConfig.ACME_REALM_ADMIN);
        assertThat(adminEvents()).hasSize(events);
    }

    @Test
    void aCompanyAdminCannotElevateThemselvesAndMembersAreNoAdmins() {
        UnifyApi aino = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN);
        String ainoId = CompanySetup.userId(realm, CompanyRealmConfig.ACME_ADMIN);
        int events = adminEvents().size();

        assertRefused(aino.put("company/members/" + ainoId + "/services/invoices"), 403, "self-change");
        assertRefused(aino.put("company/members/" + ainoId + "/customer-numbers/100235"), 403, "self-change");
        assertRefused(aino.delete("company/members/" + ainoId), 403, "self-change");
        assertThat(serviceRoles(ainoId, CompanyRealmConfig.INVOICES)).isEmpty();
        assertThat(customerNumbers(ainoId)).isEmpty();

        // A member without the admin role has no company API at all, not even for themselves.
        UnifyApi matti = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_MEMBER);
        String mattiId = CompanySetup.userId(realm, CompanyRealmConfig.ACME_MEMBER);
        assertRefused(matti.get("company/members"), 403, "not-company-admin");
        assertRefused(matti.put("company/members/" + mattiId + "/services/invoices"), 403, "not-company-admin");
        assertRefused(matti.post("company/members", "{\"email\": \"friend@acme.example\"}"), 403, "not-company-admin");
        assertThat(serviceRoles(mattiId, CompanyRealmConfig.INVOICES)).isEmpty();

        assertThat(UnifyApi.anonymous(realm).get("company/members").status()).isEqualTo(401);
        assertThat(adminEvents()).hasSize(events);
    }

    // ------------------------------------------------------------------------------------------------------

    /** A 400 whose message names the field, so the caller knows what to correct. */
    private static void assertRefusedNaming(UnifyApi.Reply reply, String error, String field) {
        assertRefused(reply, 400, error);
        assertThat(reply.json().get("message").asText()).as("%s", reply).contains("'" + field + "'");
    }

    private static void assertRefused(UnifyApi.Reply reply, int status, String error) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).as("%s", reply).isEqualTo(error);
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }

    private List<AdminEventRepresentation> adminEvents() {
        return realm.admin().getAdminEvents(null, null, null, null, null, null, null, null, 0, 100_000);
    }

    /** Admin events recorded after the first {@code before} (Keycloak lists the newest first). */
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

    private List<String> acmeMembers() {
        return realm.admin().organizations().get(acmeId()).members().getAll().stream()
                .map(MemberRepresentation::getEmail).toList();
    }

    private String acmeId() {
        return realm.admin().organizations().getAll().stream().filter(org -> "acme".equals(org.getAlias()))
                .findFirst().orElseThrow().getId();
    }

    private String createAcmeMember(String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        try (var response = realm.admin().users().create(user)) {
            String id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
            realm.admin().organizations().get(acmeId()).members().addMember(id).close();
            return id;
        }
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
