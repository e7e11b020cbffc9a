package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
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
import org.keycloak.testframework.ui.page.LoginPasswordResetPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Mail forwarding (the server runs with {@code --spi-email-sender--provider-default=unify-forwarding}): Keycloak's mail to a
 * moved sub-account with {@code unify_mail_forward=true} arrives in its main account's mailbox, marked for the
 * sub-account in the main account's language; every other mail arrives as before.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class MailForwardingIT {

    static final String MAIN = "info@haupt.example.com";
    static final String FORWARDED = "info+vertrieb@haupt.example.com";
    static final String OWN_MAILBOX = "lager@haupt.example.com";
    static final String ORPHAN = "info+orphan@leer.example.com";

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginPasswordResetPage resetPage;

    @TestSetup
    public void movedCompany() {
        LegacyStores.prepareRealm(realm);
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setResetPasswordAllowed(true);
        realm.admin().update(rep);
        // What the move leaves behind: the main account (German) and its sub-accounts, named by their emails.
        user(MAIN, "de", Map.of("legacy_username", "Info"));
        user(FORWARDED, "en", Map.of("legacy_username", "Info-Vertrieb", "legacy_main_account", "Info",
                "unify_mail_forward", "true"));
        user(OWN_MAILBOX, "fi", Map.of("legacy_username", "Info-Lager", "legacy_main_account", "Info"));
        // A main account without an email address: its sub-account keeps its own mail.
        user("leer-haupt", null, Map.of("legacy_username", "Leer"));
        user(ORPHAN, "en", Map.of("legacy_username", "Leer-Sub", "legacy_main_account", "Leer",
                "unify_mail_forward", "true"));
    }

    @BeforeEach
    void emptyMailbox() {
        mail.runCleanup();
    }

    private String id(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private void user(String username, String locale, Map<String, String> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        if (username.contains("@")) {
            user.setEmail(username);
            user.setEmailVerified(true);
        }
        user.setEnabled(true);
        Map<String, List<String>> values = new HashMap<>();
        attributes.forEach((name, value) -> values.put(name, List.of(value)));
        if (locale != null) {
            values.put("locale", List.of(locale));
        }
        user.setAttributes(values);
        try (Response response = realm.admin().users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static String german(String key, Object... arguments) {
        return new MessageFormat(LegacyMessages.get("de", key), Locale.GERMAN).format(arguments);
    }

    @Test
    void anActivationMailForAForwardedSubAccountReachesTheMainAccountMarkedInItsLanguage() throws Exception {
        realm.admin().users().get(id(FORWARDED)).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        assertThat(mail.waitForIncomingEmail(1)).as("a mail arrived").isTrue();
        assertThat(Mails.to(mail, FORWARDED)).as("nothing at the sub-account's own address").isEmpty();
        List<MimeMessage> received = Mails.to(mail, MAIN);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);

        // The execute-actions subject (the unify email theme's), in the sub-account's language (English), marked in
        // the main account's (German).
        assertThat(message.getSubject()).startsWith("[Für " + FORWARDED + "] ")
                .endsWith(Languages.themeMessages("email", "en").getProperty("executeActionsSubject"));
        String note = german("unify-mail-forward-note", FORWARDED, "Info-Vertrieb");
        assertThat(Mails.text(message)).startsWith(note).contains("/login-actions/action-token?key=");
        String html = Mails.html(message);
        assertThat(html).contains("<p id=\"unify-mail-forward\"").contains(note)
                .contains("id=\"unify-email\"");
        assertThat(html.indexOf("id=\"unify-mail-forward\"")).as("the note comes first in the content")
                .isGreaterThan(html.indexOf("id=\"unify-email-body\""));
    }

    @Test
    void aPasswordResetMailForAForwardedSubAccountReachesTheMainAccount() throws Exception {
        oauth.loginForm().uiLocales("en").open();
        loginPage.assertCurrent();
        driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
        resetPage.assertCurrent();
        Browser.submitAndWait(driver, () -> resetPage.changePassword(FORWARDED));

        assertThat(mail.waitForIncomingEmail(1)).as("a mail arrived").isTrue();
        assertThat(Mails.to(mail, FORWARDED)).isEmpty();
        List<MimeMessage> received = Mails.to(mail, MAIN);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).startsWith("[Für " + FORWARDED + "] ");
        assertThat(Mails.text(received.get(0))).startsWith(german("unify-mail-forward-note", FORWARDED,
                "Info-Vertrieb")).contains("/login-actions/action-token?key=");
    }

    @Test
    void mailOfOtherAccountsArrivesUnchanged() throws Exception {
        realm.admin().users().get(id(OWN_MAILBOX)).executeActionsEmail(List.of("UPDATE_PASSWORD"));
        realm.admin().users().get(id(UnifyRealmConfig.USERNAME)).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        assertThat(mail.waitForIncomingEmail(2)).as("two mails arrived").isTrue();
        assertThat(Mails.to(mail, MAIN)).isEmpty();
        MimeMessage own = Mails.to(mail, OWN_MAILBOX).get(0);
        assertThat(own.getSubject()).doesNotContain("[");
        assertThat(Mails.html(own)).doesNotContain("unify-mail-forward");
        assertThat(Mails.to(mail, UnifyRealmConfig.EMAIL)).hasSize(1);
    }

    @Test
    void withoutAMainAddressTheMailGoesToTheAccountItself() throws Exception {
        realm.admin().users().get(id(ORPHAN)).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        assertThat(mail.waitForIncomingEmail(1)).as("a mail arrived").isTrue();
        List<MimeMessage> received = Mails.to(mail, ORPHAN);
        assertThat(received).hasSize(1);
        assertThat(Mails.html(received.get(0))).doesNotContain("unify-mail-forward");
    }
}
