package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.BrowserType;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The service menu web component in a real browser, embedded as an app developer embeds it: a page on another origin
 * (a tiny app on a free port, see {@link EmbeddingApps}) with one script tag for {@code /realms/{realm}/unify/menu.js}.
 * The signed-in user sees their services in their language and their customer numbers; choosing another service
 * opens it through the Keycloak session (past the access gate of {@link GatedBrowserFlow}), without a new login.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class ServiceMenuInBrowserIT {

    private static final String EMAIL = "menu.kayttaja@acme.example";
    private static final Duration PAGE = Duration.ofSeconds(30);

    /** What the browser sees of the menu: the items' text and client ids, the highlighted one, the numbers. */
    private static final String READ_MENU = """
            const root = document.querySelector('unify-service-menu').shadowRoot;
            const items = [...root.querySelectorAll('li')];
            const numbers = root.querySelector('.customer-numbers');
            return {
              names: items.map(li => li.textContent.trim()),
              clientIds: items.map(li => li.dataset.clientId),
              links: items.map(li => { const a = li.querySelector('a'); return a ? a.href : ''; }),
              current: items.filter(li => li.classList.contains('current')).map(li => li.dataset.clientId),
              numbers: numbers ? numbers.textContent : ''
            };""";

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    private EmbeddingApps apps;

    @TestSetup
    public void aCompanyUserWithTwoServicesBehindTheGate() {
        CompanySetup.create(realm);
        // The browser flow of the README: the access gate runs at every sign-in, single sign-on included.
        GatedBrowserFlow.install(realm);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(EMAIL);
        user.setEmail(EMAIL);
        user.setFirstName("Menu");
        user.setLastName("Käyttäjä");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("locale", List.of("fi"), "unify.customerNumbers", List.of("FI-4411", "100234")));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(CompanyRealmConfig.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.admin().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        for (String service : List.of(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES)) {
            ClientRepresentation client = realm.admin().clients().findByClientId(service).get(0);
            realm.admin().users().get(id).roles().clientLevel(client.getId())
                    .add(List.of(realm.admin().clients().get(client.getId()).roles().get("access").toRepresentation()));
        }
        String acme = realm.admin().organizations().getAll().stream()
                .filter(org -> "acme".equals(org.getAlias())).findFirst().orElseThrow().getId();
        realm.admin().organizations().get(acme).members().addMember(id).close();
    }

    @BeforeEach
    void appsOnTheirOwnOrigin() {
        assumeTrue(driver.getBrowserType() != BrowserType.HTML_UNIT,
                "the menu is a JavaScript module with a shadow root: run with KC_TEST_BROWSER=chrome-headless");
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
        apps = EmbeddingApps.start(realm.getBaseUrl(), CompanyRealmConfig.SECRET);
        // What ops do for an app that embeds the menu: its origin under "Web origins", its address as service URL.
        for (String service : List.of(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES)) {
            ClientRepresentation client = realm.admin().clients().findByClientId(service).get(0);
            ClientRepresentation original = realm.admin().clients().get(client.getId()).toRepresentation();
            realm.cleanup().add(r -> r.clients().get(original.getId()).update(original));
            client.setWebOrigins(List.of(CompanyRealmConfig.APP_ORIGIN, apps.origin()));
            Map<String, String> attributes = new LinkedHashMap<>(client.getAttributes());
            attributes.put("unify.service.url", apps.url(service));
            client.setAttributes(attributes);
            realm.admin().clients().get(client.getId()).update(client);
        }
    }

    @AfterEach
    void stopTheApps() {
        if (apps != null) {
            apps.close();
        }
    }

    @Test
    void theSignedInUserSeesTheirServicesInTheirLanguageAndMovesToAnotherWithoutSigningInAgain() {
        driver.open(apps.url(CompanyRealmConfig.SHOP));
        loginPage.assertCurrent();
        loginPage.fillLogin(EMAIL, CompanyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);

        Map<String, Object> shop = menuOf(CompanyRealmConfig.SHOP);
        // Finnish names, sorted by client id (invoices, shop); the numbers in the company's order.
        assertThat(shop.get("names")).isEqualTo(List.of("Laskut", "Verkkokauppa"));
        assertThat(shop.get("clientIds")).isEqualTo(List.of(CompanyRealmConfig.INVOICES, CompanyRealmConfig.SHOP));
        assertThat(shop.get("links")).isEqualTo(List.of(apps.url(CompanyRealmConfig.INVOICES), apps.url(CompanyRealmConfig.SHOP)));
        assertThat(shop.get("current")).isEqualTo(List.of(CompanyRealmConfig.SHOP));
        assertThat(shop.get("numbers")).isEqualTo("100234, FI-4411");

        // Choosing the other service in the menu: the invoices app signs in through the Keycloak session.
        driver.findElement(By.tagName("unify-service-menu")).getShadowRoot()
                .findElement(By.cssSelector("li[data-client-id='" + CompanyRealmConfig.INVOICES + "'] a")).click();
        Map<String, Object> invoices = menuOf(CompanyRealmConfig.INVOICES);
        assertThat(invoices.get("names")).isEqualTo(List.of("Laskut", "Verkkokauppa"));
        assertThat(invoices.get("current")).isEqualTo(List.of(CompanyRealmConfig.INVOICES));

        List<EmbeddingApps.SignIn> signIns = apps.signIns();
        assertThat(signIns).extracting(EmbeddingApps.SignIn::clientId)
                .containsExactly(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES);
        assertThat(signIns.get(1).sessionId()).as("the same Keycloak session: no second login")
                .isNotNull().isEqualTo(signIns.get(0).sessionId());
        assertThat(signIns.get(1).subject()).isEqualTo(signIns.get(0).subject());
    }

    @Test
    void anAppOnAnOriginTheClientDoesNotListCannotReadTheServices() {
        driver.open(apps.url(CompanyRealmConfig.SHOP));
        loginPage.fillLogin(EMAIL, CompanyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        menuOf(CompanyRealmConfig.SHOP);

        // The same app on an origin the client does not list: the browser withholds the answer, the menu stays empty.
        ClientRepresentation client = realm.admin().clients().findByClientId(CompanyRealmConfig.SHOP).get(0);
        client.setWebOrigins(List.of(CompanyRealmConfig.APP_ORIGIN));
        realm.admin().clients().get(client.getId()).update(client);
        driver.open(apps.url(CompanyRealmConfig.SHOP));
        JavascriptExecutor js = (JavascriptExecutor) driver.driver();
        Object outcome = new WebDriverWait(driver.driver(), PAGE).until(d -> js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const menu = document.querySelector('unify-service-menu');
                if (!menu || !menu.shadowRoot) { done(null); return; }
                menu.tokenProvider().then(token => fetch('%s/unify/services', { headers: { Authorization: 'Bearer ' + token } }))
                  .then(() => done('readable'), () => done('blocked'));""".formatted(realm.getBaseUrl())));
        assertThat(outcome).as("CORS: the service list is not readable from an origin the client does not list")
                .isEqualTo("blocked");
    }

    @Test
    void aTokenKeycloakNoLongerAcceptsIsReportedToTheApp() {
        driver.open(apps.url(CompanyRealmConfig.SHOP));
        loginPage.fillLogin(EMAIL, CompanyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        menuOf(CompanyRealmConfig.SHOP);

        // The app's token has run out: the menu tells the app, which can refresh it or sign the user in again.
        JavascriptExecutor js = (JavascriptExecutor) driver.driver();
        Object outcome = new WebDriverWait(driver.driver(), PAGE).until(d -> js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const menu = document.querySelector('unify-service-menu');
                menu.addEventListener('unify-token-rejected', () => done('rejected'), { once: true });
                menu.addEventListener('unify-services-loaded', () => done('loaded'), { once: true });
                menu.tokenProvider = () => Promise.resolve('not.a.valid-token');"""));
        assertThat(outcome).isEqualTo("rejected");
        assertThat(js.executeScript("return document.querySelector('unify-service-menu').shadowRoot"
                + ".querySelectorAll('li').length")).as("the old list is gone").isEqualTo(0L);
    }

    /** Waits until the app of {@code clientId} shows its page and its menu has loaded, then reads the menu. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> menuOf(String clientId) {
        JavascriptExecutor js = (JavascriptExecutor) driver.driver();
        new WebDriverWait(driver.driver(), PAGE).until(d -> d.getCurrentUrl().startsWith(apps.url(clientId))
                && Boolean.TRUE.equals(js.executeScript("return window.unifyMenuLoaded === true")));
        assertThat(driver.findElement(By.id("app")).getText()).isEqualTo(clientId);
        assertThat(driver.driver().findElements(By.id("password"))).as("no login form").isEmpty();
        Map<String, Object> menu = (Map<String, Object>) js.executeScript(READ_MENU);
        return new LinkedHashMap<>(menu == null ? Map.of() : menu);
    }
}
