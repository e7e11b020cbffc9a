package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * Story 2: an admin sends a pre-created user a welcome message with an activation code
 * ({@code POST /admin/realms/{realm}/unify-activation/users/{id}/welcome}); the user signs in at an external OpenID
 * Connect provider (a second realm of the same server), types the code in first broker login
 * ({@code unify-activation-code}), and the external sign-in is linked to the account the code names. Never by email.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class LinkExternalLoginByCodeIT {

    private static final String EXTERNAL_PASSWORD = SuiteSecrets.register("Partner-password-1");
    private static final Pattern GROUPED_CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4}){3}");

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectRealm(ref = "partner")
    ManagedRealm partner;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    CodeFormPage codePage;

    @TestSetup
    public void linkThePartnerRealm() {
        ExternalLoginSetup.install(realm, partner);
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setEventsEnabled(true);
        rep.setAdminEventsEnabled(true);
        rep.setAdminEventsDetailsEnabled(true);
        realm.admin().update(rep);
    }

    @BeforeEach
    void signedOutEverywhere() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page of each realm.
        for (ManagedRealm r : List.of(realm, partner)) {
            driver.open(r.getBaseUrl() + "/.well-known/openid-configuration");
            driver.cookies().deleteAll();
        }
    }

    @Test
    void theWelcomeCodeLinksTheExternalSignInToThePreCreatedAccount() throws Exception {
        String email = "welcome.linked@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        String external = "anna@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);

        HttpResponse<String> response = sendWelcome(userId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long expiresAt = Long.parseLong(response.body().replaceAll(".*\"expiresAt\"\\s*:\\s*(\\d+).*", "$1"));
        assertThat(Instant.ofEpochSecond(expiresAt)).as("default lifetime of 7 days")
                .isBetween(Instant.now().plus(Duration.ofDays(7)).minus(Duration.ofMinutes(5)),
                        Instant.now().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)));
        List<MimeMessage> mails = Mails.to(mail, email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo(ActivationMessages.format("en", "unify-code-subject-account-link", "default"));
        String code = Mails.code(mails.get(0));
        assertThat(code).matches(GROUPED_CODE);
        assertThat(Mails.text(mails.get(0))).contains(code);
        assertThat(response.body()).doesNotContain(code);

        signInAtPartner(external);
        codePage.assertCurrent();
        // Forgiving input: lower case, spaces instead of dashes.
        codePage.submitCode(code.toLowerCase(Locale.ROOT).replace('-', ' '));

        AuthorizationEndpointResponse login = oauth.parseLoginResponse();
        assertThat(login.isSuccess()).as("signed in on the service: %s", login.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(login.getCode());
        assertThat(oauth.parseToken(tokens.getAccessToken(), AccessToken.class).getSubject())
                .as("signed in as the pre-created account").isEqualTo(userId);
        assertThat(linksOf(userId)).singleElement().satisfies(link -> {
            assertThat(link.getIdentityProvider()).isEqualTo(ExternalLoginSetup.ALIAS);
            assertThat(link.getUserName()).isEqualTo(external);
        });
        assertThat(realm.admin().users().get(userId).toRepresentation().isEmailVerified()).isTrue();
        assertThat(realm.admin().users().searchByEmail(external, true)).as("no second account").isEmpty();
    }

    @Test
    void aWrongCodeFailsAndLinksNothing() throws Exception {
        String email = "welcome.wrong@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        String external = "bert@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);

        signInAtPartner(external);
        codePage.submitCode(ActivationAction.otherCodeThan(code));
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        assertThat(linksOf(userId)).isEmpty();
        assertThat(realm.admin().users().searchByEmail(external, true)).isEmpty();

        // A slip is not fatal: the right code still works in the same sign-in.
        codePage.submitCode(code);
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
        assertThat(linksOf(userId)).hasSize(1);
    }

    @Test
    void aUsedCodeFails() throws Exception {
        String email = "welcome.used@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        String first = "carla@partner.example";
        String second = "dora@partner.example";
        TestUsers.create(partner, first, EXTERNAL_PASSWORD, null);
        TestUsers.create(partner, second, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);

        signInAtPartner(first);
        codePage.submitCode(code);
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();

        signedOutEverywhere();
        signInAtPartner(second);
        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        assertThat(linksOf(userId)).singleElement()
                .satisfies(link -> assertThat(link.getUserName()).isEqualTo(first));
        assertThat(realm.admin().users().searchByEmail(second, true)).isEmpty();
    }

    @Test
    void aMatchingEmailAddressWithoutACodeLinksNothing() {
        String email = "same.address@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        // The external account has the very same address, but no welcome code was sent.
        TestUsers.create(partner, email, EXTERNAL_PASSWORD, null);

        signInAtPartner(email);
        codePage.assertCurrent();
        assertThat(linksOf(userId)).as("not linked by the address").isEmpty();

        codePage.submitCode(ActivationAction.otherCodeThan(""));
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        assertThat(linksOf(userId)).isEmpty();
        assertThat(realm.admin().users().searchByEmail(email, true)).singleElement()
                .satisfies(user -> assertThat(user.getId()).isEqualTo(userId));
    }

    @Test
    void eventsRecordTheStepsButNeverTheCode() throws Exception {
        String email = "welcome.events@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        String external = "emil@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);
        String normalized = code.replace("-", "");

        signInAtPartner(external);
        codePage.submitCode(ActivationAction.otherCodeThan(code));
        codePage.submitCode(code);
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();

        List<EventRepresentation> events = realm.admin().getEvents();
        assertThat(events).extracting(EventRepresentation::getType)
                .contains("SEND_IDENTITY_PROVIDER_LINK", "IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR",
                        "IDENTITY_PROVIDER_LINK_ACCOUNT");
        assertThat(events).filteredOn(e -> "IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR".equals(e.getType()))
                .extracting(EventRepresentation::getError).contains("invalid_code");
        assertThat(events).allSatisfy(event -> assertThat(String.valueOf(event.getDetails()))
                .doesNotContain(code).doesNotContain(normalized));
        List<AdminEventRepresentation> adminEvents = realm.admin().getAdminEvents();
        assertThat(adminEvents).anySatisfy(e -> assertThat(e.getResourcePath()).endsWith(userId + "/welcome"));
        assertThat(adminEvents).allSatisfy(e -> assertThat(e.getResourcePath() + e.getRepresentation())
                .doesNotContain(code).doesNotContain(normalized));
    }

    @Test
    void tooManyWrongCodesEndTheSignIn() throws Exception {
        String email = "welcome.guessing@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        String external = "fritz@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);

        signInAtPartner(external);
        for (int i = 0; i < 5; i++) {
            codePage.submitCode(ActivationAction.otherCodeThan(code));
            assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        }
        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-too-many"));
        assertThat(linksOf(userId)).isEmpty();
    }

    @Test
    void mailServerDownIssuesNoCodeAndKeepsTheEarlierOne() throws Exception {
        String email = "welcome.smtp-down@example.com";
        String userId = TestUsers.create(realm, email, null, null);
        String external = "greta@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);

        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = rep.getSmtpServer();
        rep.setSmtpServer(Map.of("host", "localhost", "port", "1", "from", smtp.get("from")));
        realm.admin().update(rep);
        HttpResponse<String> failed;
        try {
            failed = sendWelcome(userId);
        } finally {
            rep.setSmtpServer(smtp);
            realm.admin().update(rep);
        }
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).as("Unify's one error body").startsWith("{\"error\":\"email-failed\",\"message\":")
                .contains("no code was issued");
        assertThat(Mails.to(mail, email)).hasSize(1);

        signInAtPartner(external);
        codePage.submitCode(code);
        assertThat(oauth.parseLoginResponse().isSuccess()).as("the code sent before still works").isTrue();
        assertThat(linksOf(userId)).hasSize(1);
    }

    @Test
    void theWelcomeEndpointNeedsAUserWithAnAddress() throws Exception {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("no-address-yet");
        user.setEnabled(true);
        String userId;
        try (Response response = realm.admin().users().create(user)) {
            userId = CreatedResponseUtil.getCreatedId(response);
        }
        realm.cleanup().add(r -> r.users().delete(userId).close());

        HttpResponse<String> noEmail = sendWelcome(userId);
        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(noEmail.body()).startsWith("{\"error\":\"no-email\",\"message\":");
        HttpResponse<String> unknown = sendWelcome("no-such-user");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{\"error\":\"user-not-found\",\"message\":");
    }

    /** Opens the service's sign-in page and signs in with the partner button. */
    private void signInAtPartner(String username) {
        oauth.openLoginForm();
        loginPage.clickSocial(ExternalLoginSetup.ALIAS);
        loginPage.fillLogin(username, EXTERNAL_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
    }

    private List<FederatedIdentityRepresentation> linksOf(String userId) {
        return realm.admin().users().get(userId).getFederatedIdentity();
    }

    private HttpResponse<String> sendWelcome(String userId) throws Exception {
        return ActivationAction.sendWelcome(realm, adminClient, userId, null, null);
    }
}
