package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** The accessibility kit itself: it finds what it must find, and the branded login page passes it. */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class AxeIT {

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @BeforeEach
    void chromium() {
        Axe.assumeChromium(driver);
    }

    @Test
    void aFieldWithoutLabelAndAnImageWithoutTextAreFound() {
        String page = "<!doctype html><html lang=en><head><title>t</title></head><body><main>"
                + "<input type=text><img src=x.png></main></body></html>";
        driver.open("data:text/html;charset=utf-8," + URLEncoder.encode(page, StandardCharsets.UTF_8)
                .replace("+", "%20"));

        assertThat(Axe.violations(driver.driver())).extracting(Axe.Violation::rule)
                .contains("label", "image-alt");
        assertThatThrownBy(() -> Axe.assertNoSeriousViolations(driver.driver(), "a page made to fail"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label");
    }

    @Test
    void theBrandedLoginPagePasses() {
        oauth.openLoginForm();
        loginPage.assertCurrent();

        Axe.assertNoSeriousViolations(driver.driver(), "login page");
    }
}
