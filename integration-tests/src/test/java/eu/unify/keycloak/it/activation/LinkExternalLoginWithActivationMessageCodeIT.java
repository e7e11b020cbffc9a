package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
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
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * Story 2 in a realm whose {@code unify-account-activation} has "Code in the welcome message" on: the welcome message
 * is then the activation message, with an activation code of its own purpose. That same code links an external
 * sign-in in first broker login ({@code unify-activation-code}); once used either way, it is used up for the other.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class LinkExternalLoginWithActivationMessageCodeIT {

    private static final String EXTERNAL_PASSWORD = SuiteSecrets.register("Partner-password-2");

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

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void linkThePartnerRealmAndPutTheCodeInTheWelcomeMessage() {
        ExternalLoginSetup.install(realm, partner);
        ActivationAction.enable(realm);
        ActivationAction.codeInWelcomeMessage(realm, true);
    }

    @BeforeEach
    void signedOutEverywhere() {
        for (ManagedRealm r : List.of(realm, partner)) {
            driver.open(r.getBaseUrl() + "/.well-known/openid-configuration");
            driver.cookies().deleteAll();
        }
    }

    @Test
    void theCodeOfTheActivationMessageLinksTheExternalSignIn() throws Exception {
        String email = "aktivointi.linkki@example.com";
        String userId = TestUsers.create(realm, email, null, "fi");
        String external = "helmi@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);

        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        MimeMessage welcome = Mails.to(mail, email).get(0);
        assertThat(welcome.getSubject()).as("the activation message, with its link")
                .isEqualTo(ActivationMessages.format("fi", "unify-code-subject-activation-in-message", realm.getName()));
        String code = Mails.code(welcome);

        signInAtPartner(external);
        codePage.assertCurrent();
        codePage.submitCode(code);

        AuthorizationEndpointResponse login = oauth.parseLoginResponse();
        assertThat(login.isSuccess()).as("signed in: %s", login.getError()).isTrue();
        assertThat(oauth.parseToken(oauth.doAccessTokenRequest(login.getCode()).getAccessToken(), AccessToken.class)
                .getSubject()).as("the pre-created account").isEqualTo(userId);
        assertThat(linksOf(userId)).singleElement()
                .satisfies(link -> assertThat(link.getUserName()).isEqualTo(external));
        UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(realm.admin().getEvents()).filteredOn(e -> "IDENTITY_PROVIDER_LINK_ACCOUNT".equals(e.getType()))
                .extracting(EventRepresentation::getDetails)
                .anySatisfy(details -> assertThat(details).containsEntry("unify_code_purpose", "activation-in-message"));

        // The code is used up: the activation link of the same message no longer activates anything with it.
        signedOutEverywhere();
        driver.open(ActivationAction.link(welcome));
        ActivationAction.confirm(driver);
        codePage.assertCurrent();
        codePage.submitCode(code);
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("fi", "unify-code-error-account-code"));
    }

    @Test
    void aCodeUsedOnTheActivationPageNoLongerLinksAnExternalSignIn() throws Exception {
        String email = "used.on.page@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        String external = "ines@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        MimeMessage welcome = Mails.to(mail, email).get(0);
        String code = Mails.code(welcome);

        driver.open(ActivationAction.link(welcome));
        ActivationAction.confirm(driver);
        codePage.assertCurrent();
        codePage.submitCode(code);
        updatePasswordPage.assertCurrent();

        signedOutEverywhere();
        signInAtPartner(external);
        codePage.submitCode(code);
        codePage.assertCurrent();
        assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
        assertThat(linksOf(userId)).isEmpty();
    }

    @Test
    void withTheOptionOffAnActivationMessageCodeLinksNothing() throws Exception {
        String email = "option.off@example.com";
        String userId = TestUsers.create(realm, email, null, "en");
        String external = "jonas@partner.example";
        TestUsers.create(partner, external, EXTERNAL_PASSWORD, null);
        assertThat(sendWelcome(userId).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, email);

        ActivationAction.codeInWelcomeMessage(realm, false);
        try {
            signInAtPartner(external);
            codePage.submitCode(code);
            codePage.assertCurrent();
            assertThat(codePage.codeError()).hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
            assertThat(linksOf(userId)).isEmpty();
        } finally {
            ActivationAction.codeInWelcomeMessage(realm, true);
        }
    }

    // ------------------------------------------------------------------------------------------------------

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
