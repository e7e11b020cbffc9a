package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.keycloak.representations.AccessToken;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Where a completed activation leaves the browser with "Sign in after activation" on: on the redirect URI of the
 * activation link, carrying no authorization code, and signed in, so the service's own sign-in completes by single
 * sign-on.
 */
final class ServiceLanding {

    private static final Duration ANSWER = Duration.ofSeconds(30);

    private ServiceLanding() {
    }

    /** Waits until the browser is on {@code redirectUri} and checks that no code or token was pushed to the service. */
    static void assertLandedOn(ManagedWebDriver driver, String redirectUri) {
        new WebDriverWait(driver.driver(), ANSWER).until(d -> d.getCurrentUrl().startsWith(redirectUri));
        // Not the test client's parser: it waits for a code or an error, and there must be neither.
        URI landing = URI.create(driver.getCurrentUrl());
        assertThat(landing.getFragment()).as("nothing in the fragment (no implicit tokens)").isNull();
        Map<String, String> parameters = Arrays.stream(landing.getRawQuery() == null ? new String[0] : landing.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
        assertThat(parameters).as("no code, token or error pushed to the service")
                .containsOnlyKeys("session_state", "iss");
        assertThat(parameters.get("session_state")).as("a user session exists").isNotBlank();
    }

    /**
     * The service's own sign-in: an authorization request for the client answered with a code straight away (no
     * login form, single sign-on), whose tokens belong to {@code userId}.
     */
    static void assertSignedInBySingleSignOn(ManagedWebDriver driver, OAuthClient oauth, String userId) {
        // The browser follows Keycloak's redirect before open returns: either the login form or the service.
        oauth.openLoginForm();
        AuthorizationEndpointResponse login = oauth.parseLoginResponse();
        assertThat(login.isSuccess()).as("signed in without the login form: %s at %s", login.getError(),
                driver.getCurrentUrl()).isTrue();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(login.getCode());
        assertThat(tokens.isSuccess()).as("token request: %s", tokens.getErrorDescription()).isTrue();
        AccessToken token = oauth.verifyToken(tokens.getAccessToken());
        assertThat(token.getSubject()).isEqualTo(userId);
    }
}
