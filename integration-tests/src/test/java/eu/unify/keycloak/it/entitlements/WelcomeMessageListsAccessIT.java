package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The welcome message of the activation codes ({@code POST /admin/realms/{realm}/unify-activation/users/{id}/welcome})
 * lists the services and customer numbers the entitlements module grants the user, in the user's language, in the
 * HTML and the text part, under the {@code unify} email theme and under Keycloak's own; a user with none gets no list.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class WelcomeMessageListsAccessIT {

    private static final String ACTIVATION_ACTION = "unify-account-activation";

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectMailServer
    MailServer mail;

    @TestSetup
    public void companies() {
        CompanySetup.create(realm);
    }

    @Test
    void theWelcomeMessageListsExactlyTheUsersServicesAndCustomerNumbersInTheirLanguage() throws Exception {
        String email = "uusi.kayttaja@acme.example";
        // Customer number 100235 the company holds but the user does not act for; 999999 the company does not hold.
        String id = companyUser("acme", email, "fi", List.of(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES),
                List.of("FI-4411", "100234", "999999"));

        assertThat(sendWelcome(id)).isEqualTo(200);

        MimeMessage welcome = single(email);
        Properties fi = EntitlementsMessages.load("fi");
        // Services by client id (invoices, shop), in Finnish; numbers in the company's order.
        assertLists(welcome, fi, List.of("Laskut", "Verkkokauppa"), List.of("100234", "FI-4411"));
        assertThat(Mails.html(welcome)).doesNotContain("100235").doesNotContain("999999").doesNotContain("Web shop")
                .as("the unify layout").contains(Languages.themeMessages("email", "fi").getProperty("unifyEmailTagline"));
    }

    @Test
    void underKeycloaksOwnEmailThemeTheActivationMessageListsThemToo() throws Exception {
        realm.updateWithCleanup(r -> r.update(rep -> rep.setEmailTheme("keycloak")));
        codeInTheWelcomeMessage();
        String email = "neuer.nutzer@globex.example";
        String id = companyUser("globex", email, "de", List.of(CompanyRealmConfig.INVOICES, CompanyRealmConfig.SHOP),
                List.of("200100"));

        assertThat(sendWelcome(id)).isEqualTo(200);

        MimeMessage welcome = single(email);
        Properties de = EntitlementsMessages.load("de");
        assertThat(welcome.getSubject()).isEqualTo(format(de, "unify-code-subject-activation-in-message", realm.getName()));
        assertThat(Mails.html(welcome)).as("Keycloak's own layout, not Unify's")
                .doesNotContain(Languages.themeMessages("email", "de").getProperty("unifyEmailTagline"));
        // Invoices has no German name: English, its fallback. The shop has one.
        assertLists(welcome, de, List.of("Invoices", "Webshop"), List.of("200100"));
    }

    @Test
    void aUserWithoutServicesOrCustomerNumbersGetsNoListHeadings() throws Exception {
        String email = "ei.oikeuksia@example.com";
        String id = user(email, "sl", List.of());

        assertThat(sendWelcome(id)).isEqualTo(200);

        MimeMessage welcome = single(email);
        assertThat(Mails.code(welcome)).as("the welcome code is there").isNotBlank();
        for (String language : Languages.ALL) {
            Properties messages = EntitlementsMessages.load(language);
            for (String part : List.of(Mails.html(welcome), Mails.text(welcome))) {
                assertThat(part).doesNotContain(messages.getProperty("unify-code-email-services"))
                        .doesNotContain(messages.getProperty("unify-code-email-customer-numbers"));
            }
        }
        assertThat(Mails.html(welcome)).doesNotContain("unify-services").doesNotContain("unify-customer-numbers");
        assertThat(Mails.text(welcome)).doesNotContain("  - ");
    }

    // ------------------------------------------------------------------------------------------------------

    private static void assertLists(MimeMessage welcome, Properties messages, List<String> services,
                                    List<String> customerNumbers) {
        String servicesHeading = messages.getProperty("unify-code-email-services");
        String numbersHeading = messages.getProperty("unify-code-email-customer-numbers");
        String html = Mails.html(welcome);
        assertThat(html).contains(servicesHeading).contains(numbersHeading);
        assertThat(listItems(html, "unify-services")).containsExactlyElementsOf(services);
        assertThat(listItems(html, "unify-customer-numbers")).containsExactlyElementsOf(customerNumbers);

        String text = Mails.text(welcome).replace("\r\n", "\n");
        StringBuilder expected = new StringBuilder(servicesHeading).append('\n');
        services.forEach(service -> expected.append("  - ").append(service).append('\n'));
        expected.append('\n').append(numbersHeading).append('\n');
        customerNumbers.forEach(number -> expected.append("  - ").append(number).append('\n'));
        assertThat(text).contains(expected);
    }

    private static List<String> listItems(String html, String id) {
        Matcher list = Pattern.compile("(?s)<ul id=\"" + id + "\"[^>]*>(.*?)</ul>").matcher(html);
        assertThat(list.find()).as("#%s in the mail", id).isTrue();
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("(?s)<li>(.*?)</li>").matcher(list.group(1));
        while (item.find()) {
            items.add(item.group(1).trim());
        }
        return items;
    }

    private MimeMessage single(String email) {
        List<MimeMessage> mails = Mails.to(mail, email);
        assertThat(mails).as("mails to %s", email).hasSize(1);
        return mails.get(0);
    }

    /** Switches "Code in the welcome message" on for this test: the welcome message is then the activation message. */
    private void codeInTheWelcomeMessage() {
        boolean registered = realm.admin().flows().getRequiredActions().stream()
                .anyMatch(a -> ACTIVATION_ACTION.equals(a.getProviderId()));
        if (!registered) {
            RequiredActionProviderSimpleRepresentation action = new RequiredActionProviderSimpleRepresentation();
            action.setProviderId(ACTIVATION_ACTION);
            action.setName("Activate account with an emailed code");
            realm.admin().flows().registerRequiredAction(action);
        }
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(Map.of("code.in.welcome.message", "true"));
        realm.admin().flows().updateRequiredActionConfig(ACTIVATION_ACTION, config);
        realm.cleanup().add(r -> r.flows().removeRequiredActionConfig(ACTIVATION_ACTION));
    }

    /** An admin-created account (no password yet) in the organisation, with the services' access role. */
    private String companyUser(String companyAlias, String email, String locale, List<String> services, List<String> numbers) {
        String id = user(email, locale, numbers);
        for (String service : services) {
            ClientRepresentation client = realm.admin().clients().findByClientId(service).get(0);
            realm.admin().users().get(id).roles().clientLevel(client.getId())
                    .add(List.of(realm.admin().clients().get(client.getId()).roles().get("access").toRepresentation()));
        }
        String orgId = realm.admin().organizations().getAll().stream()
                .filter(org -> companyAlias.equals(org.getAlias())).findFirst().orElseThrow().getId();
        try (Response response = realm.admin().organizations().get(orgId).members().addMember(id)) {
            assertThat(response.getStatus()).as("added to the organisation").isIn(201, 204);
        }
        return id;
    }

    private String user(String email, String locale, List<String> customerNumbers) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("New");
        user.setLastName("User");
        user.setEnabled(true);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("locale", List.of(locale));
        if (!customerNumbers.isEmpty()) {
            attributes.put("unify.customerNumbers", customerNumbers);
        }
        user.setAttributes(attributes);
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            realm.cleanup().add(r -> r.users().delete(id).close());
            return id;
        }
    }

    private int sendWelcome(String userId) throws Exception {
        String server = realm.getBaseUrl().substring(0, realm.getBaseUrl().indexOf("/realms/"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + realm.getName()
                        + "/unify-activation/users/" + userId + "/welcome"))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                // The admin's browser speaks English; the message follows the user's language anyway.
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).as("welcome answer").doesNotContain("error");
        return response.statusCode();
    }

    private static String format(Properties messages, String key, Object... arguments) {
        return new java.text.MessageFormat(messages.getProperty(key)).format(arguments);
    }
}
