package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
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
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.activation.CodeFormPage;

/**
 * The demo realm behind the README's first command ({@code realm-export/}) imports into the real server as it is,
 * uses the unify themes, and its demo user signs in with the documented password. Its entitlements: two companies
 * with customer numbers, services and admins, three services, and the gated browser flow stopping and admitting
 * the demo members.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class DemoRealmIT {

    private static final String NEW_PASSWORD = SuiteSecrets.register("Demo-password-10");
    private static final String DEMO_PASSWORD = SuiteSecrets.register("demo-password-1");

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
        resetPage.assertCurrent();
        resetPage.changePassword(email);
        codePage.assertCurrent();
        codePage.submitCode(Mails.latestCode(mail, email));
        updatePasswordPage.assertCurrent();
        updatePasswordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD);
        assertThat(oauth.parseLoginResponse().isSuccess()).isTrue();
    }

    @Test
    void demoUserSignsInOnTheBrandedPage() {
        oauth.openLoginForm();
        loginPage.assertCurrent();
        assertThat(driver.findElement(By.id("unify-tagline")).getText())
                .isEqualTo(Languages.themeMessages("login", "en").getProperty("unifyTagline"));

        loginPage.fillLogin("demo", DEMO_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);

        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
    }

    @Test
    void demoRealmHasTwoCompaniesWithNumbersServicesAndAdmins() {
        assertThat(demo.admin().toRepresentation().getBrowserFlow()).isEqualTo("unify browser");
        OrganizationRepresentation acme = company("acme");
        assertThat(acme.getName()).isEqualTo("Acme Oy");
        assertThat(acme.getAttributes().get("unify.customerNumbers")).containsExactly("100234", "100235", "100236");
        assertThat(acme.getAttributes().get("unify.services")).containsExactly("shop", "invoices");
        assertThat(demo.admin().organizations().get(acme.getId()).members().getAll())
                .extracting(MemberRepresentation::getUsername)
                .containsExactlyInAnyOrder("aino.admin@acme.example", "matti@acme.example", "liisa@acme.example");
        OrganizationRepresentation globex = company("globex");
        assertThat(globex.getAttributes().get("unify.services")).containsExactly("invoices", "reports");
        assertThat(demo.admin().organizations().get(globex.getId()).members().getAll())
                .extracting(MemberRepresentation::getUsername)
                .containsExactlyInAnyOrder("greta.admin@globex.example", "jure@globex.example");
        assertThat(demo.admin().roles().get("unify-company-admin").getUserMembers())
                .extracting(UserRepresentation::getUsername)
                .containsExactlyInAnyOrder("aino.admin@acme.example", "greta.admin@globex.example");
        for (String service : SERVICES) {
            ClientRepresentation client = demo.admin().clients().findByClientId(service).get(0);
            assertThat(client.getAttributes()).containsEntry("unify.service", "true");
            assertThat(demo.admin().clients().get(client.getId()).roles().get("access").toRepresentation()).isNotNull();
        }
        assertThat(demo.admin().clients().findByClientId("shop").get(0).getAttributes())
                .containsEntry("unify.service.name.fi", "Verkkokauppa");
    }

    @Test
    void demoServiceGateStopsAMemberWithoutTheServiceAndAdmitsOneWithIt() {
        servicesAcceptTheTestRedirect();
        String testClient = oauth.config().getClientId();
        String testSecret = oauth.config().getClientSecret();
        try {
            signedOut();
            oauth.client("shop").loginForm().codeChallenge(PkceGenerator.s256()).open();
            loginPage.fillLogin("liisa@acme.example", DEMO_PASSWORD);
            Browser.submitAndWait(driver, loginPage::submit);
            // Liisa reads Finnish and is told to ask Aino, her company's admin.
            String page = driver.findElement(By.id("unify-service-access")).getText();
            assertThat(page).contains("Verkkokauppa").contains("aino.admin@acme.example")
                    .doesNotContain("greta.admin@globex.example");
            assertThat(driver.getCurrentUrl()).doesNotContain("code=");

            signedOut();
            AuthorizationEndpointResponse matti = oauth.client("shop").loginForm()
                    .codeChallenge(PkceGenerator.s256()).doLogin("matti@acme.example", DEMO_PASSWORD);
            assertThat(matti.isSuccess()).as("Matti signed in to the shop: %s", matti.getError()).isTrue();
            assertThat(matti.getCode()).isNotNull();

            // Matti's SSO session does not open the reports, which his company does not hold.
            oauth.client("reports").loginForm().codeChallenge(PkceGenerator.s256()).open();
            assertThat(driver.findElement(By.id("unify-service-access")).getText()).contains("Myyntiraportit");
        } finally {
            oauth.client(testClient, testSecret);
            signedOut();
        }
    }

    private static final List<String> SERVICES = List.of("shop", "invoices", "reports");

    private OrganizationRepresentation company(String alias) {
        // The admin API searches names and domains, not aliases.
        List<OrganizationRepresentation> found = demo.admin().organizations().getAll().stream()
                .filter(organization -> alias.equals(organization.getAlias())).toList();
        assertThat(found).as("organisation %s", alias).hasSize(1);
        // The list is brief (no attributes); the organisation itself is complete.
        return demo.admin().organizations().get(found.get(0).getId()).toRepresentation();
    }

    /** The demo services redirect to the demo app; the test's OAuth client listens elsewhere. */
    private void servicesAcceptTheTestRedirect() {
        for (String service : SERVICES) {
            ClientRepresentation client = demo.admin().clients().findByClientId(service).get(0);
            if (!client.getRedirectUris().contains("*")) {
                List<String> uris = new ArrayList<>(client.getRedirectUris());
                uris.add("*");
                client.setRedirectUris(uris);
                demo.admin().clients().get(client.getId()).update(client);
            }
        }
    }

    private void signedOut() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(demo.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }
}
