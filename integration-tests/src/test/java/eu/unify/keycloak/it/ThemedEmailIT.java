package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** Mail that Keycloak sends in a unify realm reaches the SMTP catcher branded, in the user's own language. */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class ThemedEmailIT {

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @Test
    void adminTriggeredEmailIsBrandedAndInTheUsersLanguage() throws Exception {
        String userId = TestUsers.create(realm, "matti@example.com", null, "fi");

        realm.admin().users().get(userId).executeActionsEmail(List.of("UPDATE_PASSWORD"));

        assertThat(mail.waitForIncomingEmail(1)).as("a mail arrived").isTrue();
        MimeMessage message = mail.getLastReceivedMessage();
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("matti@example.com");

        String html = Mails.html(message);
        assertThat(html).contains("id=\"unify-email\"").contains("lang=\"fi\"");
        assertThat(html).contains(Languages.themeMessages("email", "fi").getProperty("unifyEmailTagline"));
        assertThat(html).doesNotContain(Languages.themeMessages("email", "en").getProperty("unifyEmailTagline"));
        assertThat(Mails.text(message)).contains("/login-actions/action-token?key=");
    }
}
