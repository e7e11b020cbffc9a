package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
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
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * {@code unify-service-access} in a real browser: it stops a user without the right to a service (after the
 * password and also on an existing SSO session) with a page naming the service and the company admins, admits a
 * user with the right, and leaves clients that are not Unify services alone.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class ServiceAccessGateIT {

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @TestSetup
    public void companiesAndTheGatedFlow() {
        CompanySetup.create(realm);
        GatedBrowserFlow.install(realm);
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setEventsEnabled(true);
        rep.setEnabledEventTypes(List.of("LOGIN", "LOGIN_ERROR"));
        realm.admin().update(rep);
    }

    @BeforeEach
    void signedOut() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @Test
    void aUserWithoutTheRightIsStoppedWithTheServiceAndTheirCompanyAdmins() {
        oauth.client(CompanyRealmConfig.SHOP, CompanyRealmConfig.SECRET).openLoginForm();
        loginPage.fillLogin(CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);

        WebElement page = driver.findElement(By.id("unify-service-access"));
        String text = page.getText();
        // Liisa reads Finnish: the Finnish service name in the Finnish sentence.
        assertThat(text).contains(new MessageFormat(EntitlementsMessages.load("fi")
                .getProperty("unify-service-access-denied"), Locale.forLanguageTag("fi"))
                .format(new Object[] {"Verkkokauppa"}));
        assertThat(text).contains("Aino Admin").contains(CompanyRealmConfig.ACME_ADMIN);
        assertThat(text).as("only admins of her own company").doesNotContain(CompanyRealmConfig.GLOBEX_ADMIN);
        assertThat(driver.getCurrentUrl()).as("no code was issued to the service").doesNotContain("code=");

        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null,
                null, null, null);
        assertThat(errors).anyMatch(e -> "access_denied".equals(e.getError())
                && CompanyRealmConfig.SHOP.equals(e.getClientId()));
    }

    @Test
    void aUserWithTheRightIsAdmitted() {
        AuthorizationEndpointResponse response = oauth.client(CompanyRealmConfig.SHOP, CompanyRealmConfig.SECRET)
                .doLogin(CompanyRealmConfig.ACME_MEMBER, CompanyRealmConfig.PASSWORD);
        assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
        assertThat(response.getCode()).isNotNull();
    }

    @Test
    void anSsoSessionDoesNotOpenAServiceWithoutTheRightButOpensOneWithIt() {
        AuthorizationEndpointResponse portal = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doLogin(CompanyRealmConfig.ACME_MEMBER, CompanyRealmConfig.PASSWORD);
        assertThat(portal.isSuccess()).as("signed in on the portal: %s", portal.getError()).isTrue();

        // Same browser, SSO session in place: no login form, but no entry to a service Matti may not use ...
        oauth.client(CompanyRealmConfig.INVOICES, CompanyRealmConfig.SECRET).openLoginForm();
        assertThat(driver.driver().findElements(By.id("password"))).as("no password asked").isEmpty();
        assertThat(driver.findElement(By.id("unify-service-access")).getText()).contains("Laskut");
        assertThat(driver.getCurrentUrl()).doesNotContain("code=");

        // ... while the service he may use opens at once.
        oauth.client(CompanyRealmConfig.SHOP, CompanyRealmConfig.SECRET).openLoginForm();
        AuthorizationEndpointResponse shop = oauth.parseLoginResponse();
        assertThat(shop.isSuccess()).as("single sign-on to the shop: %s", shop.getError()).isTrue();
    }

    @Test
    void clientsThatAreNotServicesAreUnaffected() {
        AuthorizationEndpointResponse response = oauth.client(CompanyRealmConfig.PORTAL, CompanyRealmConfig.SECRET)
                .doLogin(CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.PASSWORD);
        assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
    }

    @Test
    void aServiceNameIsShownAsItIsWrittenNotFormattedAsAMessage() {
        // Keycloak's msg() resolves ${key} in its arguments as message keys: a name must never pass through it.
        String literal = "Laskut ${loginTitle} ${7*7} {0} 'x'";
        var invoices = realm.admin().clients().findByClientId(CompanyRealmConfig.INVOICES).get(0);
        var original = new java.util.HashMap<>(invoices.getAttributes());
        invoices.getAttributes().put("unify.service.name.fi", literal);
        realm.admin().clients().get(invoices.getId()).update(invoices);
        try {
            oauth.client(CompanyRealmConfig.INVOICES, CompanyRealmConfig.SECRET).openLoginForm();
            loginPage.fillLogin(CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.PASSWORD);
            Browser.submitAndWait(driver, loginPage::submit);
            assertThat(driver.findElement(By.id("unify-service-access-denied")).getText()).contains(literal);
        } finally {
            invoices.setAttributes(original);
            realm.admin().clients().get(invoices.getId()).update(invoices);
        }
    }

    @Test
    void aGrantTakesEffectAtTheNextSignIn() {
        String liisa = CompanySetup.userId(realm, CompanyRealmConfig.ACME_NO_RIGHTS);
        var invoices = realm.admin().clients().findByClientId(CompanyRealmConfig.INVOICES).get(0);
        var access = realm.admin().clients().get(invoices.getId()).roles().get("access").toRepresentation();
        realm.admin().users().get(liisa).roles().clientLevel(invoices.getId()).add(List.of(access));
        try {
            AuthorizationEndpointResponse response = oauth.client(CompanyRealmConfig.INVOICES, CompanyRealmConfig.SECRET)
                    .doLogin(CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.PASSWORD);
            assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
        } finally {
            realm.admin().users().get(liisa).roles().clientLevel(invoices.getId()).remove(List.of(access));
        }
    }
}
