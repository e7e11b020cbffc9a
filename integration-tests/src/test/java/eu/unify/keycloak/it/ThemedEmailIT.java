package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.UserRepresentation;
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
        String userId = createUser("matti.meikalainen", "matti@example.com", "fi");

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

    private String createUser(String username, String email, String locale) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setAttributes(Map.of("locale", List.of(locale)));
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            realm.cleanup().add(r -> r.users().delete(id).close());
            return id;
        }
    }
}
