package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.keycloak.representations.AccessToken;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A realm on the unify theme shows the branded login page in each language, and a user signs in through it. */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class LoginThemeIT {

    static final List<String> LANGUAGES = Languages.ALL;

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @ParameterizedTest(name = "kc_locale={0}")
    @FieldSource("LANGUAGES")
    void brandedLoginPageInEachLanguageSignsTheUserIn(String language) {
        Properties messages = Languages.themeMessages("login", language);

        oauth.openLoginForm();
        loginPage.assertCurrent();
        LanguageMenu.choose(driver, language);

        loginPage.assertCurrent();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(driver.findElement(By.id("unify-tagline")).getText())
                .isEqualTo(messages.getProperty("unifyTagline"));
        WebElement logo = driver.findElement(By.id("unify-logo"));
        assertThat(logo.isDisplayed()).isTrue();
        assertThat(driver.driver().findElements(By.cssSelector("link[rel=stylesheet][href*='css/unify.css']")))
                .as("the unify stylesheet").isNotEmpty();

        loginPage.fillLogin(UnifyRealmConfig.USERNAME, UnifyRealmConfig.PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);

        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.isSuccess()).as("signed in: %s", response.getError()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        assertThat(tokens.isSuccess()).isTrue();
        assertThat(oauth.parseToken(tokens.getAccessToken(), AccessToken.class)
                .getPreferredUsername()).isEqualTo(UnifyRealmConfig.USERNAME);

        // End the SSO session so the next language starts at the login page again.
        assertThat(oauth.doLogout(tokens.getRefreshToken()).isSuccess()).isTrue();
    }
}
