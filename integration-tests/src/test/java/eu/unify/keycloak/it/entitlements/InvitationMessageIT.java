package eu.unify.keycloak.it.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
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
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.activation.CodeFormPage;

/**
 * A company admin's invitation ({@code POST /realms/{realm}/unify/company/members}) sends the activation message of
 * the activation codes module: in the invitee's language, listing the services and customer numbers granted, with a
 * link that activates the account; with "Code in the welcome message" on, with the code as well.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class InvitationMessageIT {

    private static final String ACTIVATION_ACTION = "unify-account-activation";
    private static final Pattern ACTION_LINK = Pattern.compile("href=\"(http[^\"]*login-actions/action-token[^\"]*)\"");

    @InjectRealm(config = CompanyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    CodeFormPage codePage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @TestSetup
    public void companiesAndTheActivationAction() {
        CompanySetup.create(realm);
        RequiredActionProviderSimpleRepresentation action = new RequiredActionProviderSimpleRepresentation();
        action.setProviderId(ACTIVATION_ACTION);
        action.setName("Activate account with an emailed code");
        realm.admin().flows().registerRequiredAction(action);
    }

    @BeforeEach
    void signedOut() {
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @Test
    void theInvitationListsWhatWasGrantedAndItsLinkActivatesTheAccount() {
        String email = "kutsuttu@acme.example";
        UnifyApi.Reply reply = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN).post("company/members", """
                {"email": "%s", "firstName": "Kaisa", "lastName": "Kutsuttu", "locale": "fi",
                 "services": ["shop", "invoices"], "customerNumbers": ["FI-4411", "100234"]}""".formatted(email));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);

        List<MimeMessage> mails = Mails.to(mail, email);
        assertThat(mails).hasSize(1);
        MimeMessage invitation = mails.get(0);
        Properties fi = EntitlementsMessages.load("fi");
        assertThat(subject(invitation)).isEqualTo(format(fi, "fi", "unify-code-subject-activation-in-message", realm.getName()));
        String html = Mails.html(invitation);
        assertThat(html).contains(format(fi, "fi", "unify-code-email-intro-activation-link", realmNameInMails()))
                .as("no code in this message: it is emailed when the link is opened").doesNotContain("unify-code-value");
        assertThat(listItems(html, "unify-services")).containsExactly("Laskut", "Verkkokauppa");
        assertThat(listItems(html, "unify-customer-numbers")).containsExactly("100234", "FI-4411");
        assertThat(Mails.text(invitation)).contains("  - Laskut").contains("  - FI-4411").contains(link(invitation));

        driver.open(link(invitation));
        driver.findElement(By.cssSelector("a[href*='action-token']")).click();
        codePage.assertCurrent();
        assertThat(Mails.to(mail, email)).as("the code, emailed when the page opened").hasSize(2);
        codePage.submitCode(Mails.latestCode(mail, email));
        updatePasswordPage.assertCurrent();
    }

    @Test
    void withTheCodeInTheWelcomeMessageTheInvitationCarriesTheCode() {
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(Map.of("code.in.welcome.message", "true"));
        realm.admin().flows().updateRequiredActionConfig(ACTIVATION_ACTION, config);
        realm.cleanup().add(r -> r.flows().removeRequiredActionConfig(ACTIVATION_ACTION));
        String email = "eingeladen@acme.example";

        UnifyApi.Reply reply = UnifyApi.as(realm, oauth, CompanyRealmConfig.ACME_ADMIN).post("company/members", """
                {"email": "%s", "firstName": "Emil", "lastName": "Eingeladen", "locale": "de",
                 "services": ["shop"]}""".formatted(email));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);

        MimeMessage invitation = Mails.to(mail, email).get(0);
        Properties de = EntitlementsMessages.load("de");
        String html = Mails.html(invitation);
        assertThat(listItems(html, "unify-services")).containsExactly("Webshop");
        assertThat(html).doesNotContain(de.getProperty("unify-code-email-customer-numbers"));
        String code = Mails.code(invitation);

        driver.open(link(invitation));
        driver.findElement(By.cssSelector("a[href*='action-token']")).click();
        codePage.assertCurrent();
        assertThat(Mails.to(mail, email)).as("nothing more is emailed: the code is in the invitation").hasSize(1);
        codePage.submitCode(code);
        updatePasswordPage.assertCurrent();
    }

    // ------------------------------------------------------------------------------------------------------

    /** Keycloak fills the mail body's realmName: the display name, else the name capitalised. */
    private String realmNameInMails() {
        String displayName = realm.admin().toRepresentation().getDisplayName();
        String name = realm.getName();
        return displayName != null && !displayName.isBlank() ? displayName
                : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String link(MimeMessage message) {
        Matcher matcher = ACTION_LINK.matcher(Mails.html(message));
        assertThat(matcher.find()).as("activation link in the invitation").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static List<String> listItems(String html, String id) {
        Matcher list = Pattern.compile("(?s)<ul id=\"" + id + "\"[^>]*>(.*?)</ul>").matcher(html);
        assertThat(list.find()).as("#%s in the mail", id).isTrue();
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("(?s)<li>(.*?)</li>").matcher(list.group(1));
        while (item.find()) {
            items.add(item.group(1).trim());
        }
        return items;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(Properties messages, String language, String key, Object... arguments) {
        String pattern = messages.getProperty(key);
        assertThat(pattern).as("message %s", key).isNotNull();
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }
}
