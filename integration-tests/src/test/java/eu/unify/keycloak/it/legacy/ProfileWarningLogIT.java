package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
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
import org.keycloak.testframework.ui.page.LoginUpdateProfilePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.SuiteSecrets;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * Keycloak warns, naming the user, about every multi-valued attribute of a user whose profile a page or an email
 * renders ("There are more values for attribute ... of user ..."). Unify keeps two such attributes, the legacy
 * rights and the customer numbers; after the move the username is the email address. This renders both (an email
 * and the update-profile page) for such an account and scans what the server logged meanwhile for its address.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
public class ProfileWarningLogIT {

    static final String ADDRESS = "moved.account@kunde.example";
    static final String PASSWORD = SuiteSecrets.register("Umzug-Passwort-7");

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginUpdateProfilePage updateProfilePage;

    @TestSetup
    public void adminsSeeUnmanagedAttributes() {
        // As the READMEs recommend: the attributes Unify keeps are visible to admins (else the admin API drops them).
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        realm.admin().users().userProfile().update(profile);
    }

    @Test
    void theAddressOfAnAccountWithUnifysMultiValuedAttributesStaysOutOfTheLog() throws Exception {
        long logStart = Files.size(UnifyServerConfig.serverLog());
        String id = movedAccount();

        // Every email renders the user's profile ...
        realm.admin().users().get(id).executeActionsEmail(List.of("UPDATE_PASSWORD"));
        assertThat(Mails.to(mail, ADDRESS)).as("the email was rendered and sent").hasSize(1);

        // ... and so does the update-profile page.
        oauth.openLoginForm();
        loginPage.fillLogin(ADDRESS, PASSWORD);
        Browser.submitAndWait(driver, loginPage::submit);
        updateProfilePage.assertCurrent();

        String logged = readFrom(logStart);
        assertThat(logged).as("the server logged while the pages and the email were rendered").isNotEmpty();
        List<String> leaks = logged.lines()
                // The audit trail's JSON lines (switched on for the suite, off by default) are records of their own.
                .filter(line -> !line.contains("[eu.unify.audit]"))
                .filter(line -> line.contains(ADDRESS) || line.contains(URLEncoder.encode(ADDRESS, StandardCharsets.UTF_8)))
                .toList();
        assertThat(leaks).as("log lines with the address").isEmpty();
        assertThat(logged).doesNotContain("attribute 'legacy_rights'").doesNotContain("attribute 'unify.customerNumbers'");
    }

    /** An account as the move leaves it: the email is the username, the legacy attributes and customer numbers stay. */
    private String movedAccount() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(ADDRESS);
        user.setEmail(ADDRESS);
        user.setFirstName("Moritz");
        user.setLastName("Umzug");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of(
                "legacy_username", List.of("Umzug-Moritz"),
                "legacy_rights", List.of("orders", "reports"),
                "unify.customerNumbers", List.of("100234", "FI-4411")));
        user.setRequiredActions(List.of("UPDATE_PROFILE"));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            assertThat(realm.admin().users().get(id).toRepresentation().getAttributes())
                    .containsEntry("legacy_rights", List.of("orders", "reports"))
                    .containsEntry("unify.customerNumbers", List.of("100234", "FI-4411"));
            return id;
        }
    }

    private static String readFrom(long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(UnifyServerConfig.serverLog().toFile(), "r")) {
            byte[] appended = new byte[(int) Math.max(0, log.length() - offset)];
            log.seek(offset);
            log.readFully(appended);
            return new String(appended, StandardCharsets.UTF_8);
        }
    }
}
