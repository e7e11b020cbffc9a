package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordResetPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.activation.CodeFormPage;

/**
 * The demo realm behind the README's first command ({@code realm-export/}) imports into the real server as it is,
 * uses the unify themes, and its demo user signs in with the documented password.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class DemoRealmIT {

    @InjectRealm(ref = "demo", fromJson = "/realms/unify-demo-realm.json")
    ManagedRealm demo;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient(realmRef = "demo")
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginPasswordResetPage resetPage;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @InjectMailServer
    MailServer mail;

    @Test
    void demoRealmIsBrandedAndSpeaksFourLanguages() {
        RealmRepresentation realm = demo.admin().toRepresentation();
        assertThat(realm.getRealm()).isEqualTo("unify-demo");
        assertThat(realm.getLoginTheme()).isEqualTo("unify");
        assertThat(realm.getEmailTheme()).isEqualTo("unify");
        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getSupportedLocales()).containsAll(Languages.ALL);
        assertThat(demo.admin().clients().findByClientId("unify-demo-app")).hasSize(1);
    }

    @Test
    void demoRealmResetsPasswordsByCodeAndKeepsKeycloaksDefaults() {
        RealmRepresentation realm = demo.admin().toRepresentation();
        assertThat(realm.getResetCredentialsFlow()).isEqualTo("unify reset by code");
        assertThat(demo.admin().flows().getFlows()).extracting(AuthenticationFlowRepresentation::getAlias)
                .contains("browser", "direct grant", "reset credentials", "first broker login", "unify reset by code");
        assertThat(demo.admin().flows().getRequiredActions()).extracting(RequiredActionProviderRepresentation::getAlias)
                .contains("UPDATE_PASSWORD", "VERIFY_EMAIL", "CONFIGURE_TOTP");

        String email = "demo-reset@unify.localhost";
        TestUsers.create(demo, email, "Demo-password-9", null);
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(demo.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
        oauth.openLoginForm();
        driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
        resetPage.changePassword(email);
        codePage.assertCurrent();
        codePage.submitCode(Mails.latestCode(mail, email));
        updatePasswordPage.assertCurrent();
        updatePasswordPage.changePassword("Demo-password-10", "Demo-password-10");
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
    }

    @Test
    void demoUserSignsInOnTheBrandedPage() {
        oauth.openLoginForm();
        loginPage.assertCurrent();
        assertThat(driver.findElement(By.id("unify-tagline")).getText())
                .isEqualTo(Languages.themeMessages("login", "en").getProperty("unifyTagline"));

        loginPage.fillLogin("demo", "demo-password-1");
        loginPage.submit();

        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
    }
}
