package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.TestUsers;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Issue 11, item 3: the per-address limit of welcome codes slows guessing down but hands nobody a lever against
 * others behind the same address. Past the allowance, a sign-in's further tries wait (1, 2, 4, ... s); the first try of
 * a sign-in is always checked, so a right code from the "guessing" address is still accepted. Tries are spaced with
 * Keycloak's clock offset; the per-address count lives in Keycloak's cache for an hour of real time.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class WelcomeCodeBackOffIT {

    private static final String EXTERNAL_PASSWORD = SuiteSecrets.register("Partner-password-backoff");
    private static final int ALLOWANCE = 1;

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

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    CodeFormPage codePage;

    @TestSetup
    public void linkThePartnerRealmWithASmallAllowance() {
        ExternalLoginSetup.install(realm, partner);
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticationExecutionInfoRepresentation step = flows.getExecutions(ExternalLoginSetup.FLOW).stream()
                .filter(e -> ExternalLoginSetup.PROVIDER.equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias("unify-activation-code-backoff");
        config.setConfig(new HashMap<>(Map.of("code.max.failures.per.address", Integer.toString(ALLOWANCE),
                "code.max.attempts", "10")));
        try (Response response = flows.newExecutionConfig(step.getId(), config)) {
            assertThat(response.getStatus()).isEqualTo(201);
        }
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setEventsEnabled(true);
        realm.admin().update(rep);
    }

    @BeforeEach
    void signedOutEverywhere() {
        for (ManagedRealm r : List.of(realm, partner)) {
            driver.open(r.getBaseUrl() + "/.well-known/openid-configuration");
            driver.cookies().deleteAll();
        }
    }

    @Test
    void guessingIsSlowedDownButARightCodeFromTheSameAddressIsStillAccepted() throws Exception {
        String guesser = "guesser@partner.example";
        TestUsers.create(partner, guesser, EXTERNAL_PASSWORD, null);
        String victimId = TestUsers.create(realm, "colleague@example.com", null, null);
        String colleague = "colleague@partner.example";
        TestUsers.create(partner, colleague, EXTERNAL_PASSWORD, null);
        assertThat(ActivationAction.sendWelcome(realm, adminClient, victimId, null, null).statusCode()).isEqualTo(200);
        String code = Mails.latestCode(mail, "colleague@example.com");
        String wrong = ActivationAction.otherCodeThan(code);

        try {
            signInAtPartner(guesser);
            // Wrong codes past the allowance of one. Each try comes after the longest wait (5 minutes, on Keycloak's
            // clock), so each is checked. The address may have wrong codes from earlier tests of this realm: the
            // count within the hour only grows, and the test needs no exact number.
            long offset = 0;
            for (int tried = 0; tried < 5; tried++) {
                if (tried > 0) {
                    offset += 301;
                    timeOffSet.set(Duration.ofSeconds(offset));
                }
                codePage.submitCode(wrong);
                assertThat(codePage.codeError()).as("wrong code %d", tried + 1)
                        .hasValue(ActivationMessages.format("en", "unify-code-error-account-code"));
            }
            // At least five wrong codes from this address, four past the allowance: the next try of this sign-in waits
            // at least 16 s, and is neither checked nor counted, even with the right code.
            codePage.submitCode(code);
            codePage.assertCurrent();
            assertThat(codePage.codeError()).hasValueSatisfying(error -> assertThat(error)
                    .matches(ActivationMessages.format("en", "unify-code-error-wait", 32).replace("32", "[0-9]+")));
            assertThat(realm.admin().users().get(victimId).getFederatedIdentity()).as("nothing linked").isEmpty();

            // A colleague behind the same address signs in now: the first try is checked and the right code works.
            signedOutEverywhere();
            signInAtPartner(colleague);
            codePage.submitCode(code);
            assertThat(oauth.parseLoginResponse().isSuccess()).as("signed in despite the guessing address").isTrue();
            assertThat(realm.admin().users().get(victimId).getFederatedIdentity()).hasSize(1);
        } finally {
            timeOffSet.set(0);
        }
        List<EventRepresentation> events = realm.admin().getEvents(List.of("IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR"),
                null, null, null, null, null, 0, 100);
        assertThat(events).as("an event an admin can alert on")
                .anySatisfy(event -> assertThat(event.getDetails()).containsEntry("reason", "address_backoff"));
    }

    private void signInAtPartner(String username) {
        oauth.openLoginForm();
        loginPage.clickSocial(ExternalLoginSetup.ALIAS);
        loginPage.fillLogin(username, EXTERNAL_PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        codePage.assertCurrent();
    }
}
