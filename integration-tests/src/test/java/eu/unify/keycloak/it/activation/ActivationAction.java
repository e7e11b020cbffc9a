package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

import eu.unify.keycloak.it.Mails;

/** The required action {@code unify-account-activation} as the activation tests set it up and meet it in mails. */
public final class ActivationAction {

    public static final String ID = "unify-account-activation";

    private static final Pattern LINK = Pattern.compile("href=\"(http[^\"]*login-actions/action-token[^\"]*)\"");

    private ActivationAction() {
    }

    /** Registers the action in the realm (once) and records user events, as an admin would set it up. */
    public static void enable(ManagedRealm realm) {
        boolean registered = realm.admin().flows().getRequiredActions().stream()
                .anyMatch(a -> ID.equals(a.getProviderId()));
        if (!registered) {
            RequiredActionProviderSimpleRepresentation action = new RequiredActionProviderSimpleRepresentation();
            action.setProviderId(ID);
            action.setName("Activate account with an emailed code");
            realm.admin().flows().registerRequiredAction(action);
        }
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setEventsEnabled(true);
        realm.admin().update(rep);
    }

    /** Sets the realm option "Code in the welcome message" of the action. */
    public static void codeInWelcomeMessage(ManagedRealm realm, boolean on) {
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(Map.of("code.in.welcome.message", Boolean.toString(on)));
        realm.admin().flows().updateRequiredActionConfig(ID, config);
    }

    /**
     * Confirms the actions on Keycloak's page that an action-token link opens first (a mail scanner that fetches the
     * link stops there).
     */
    public static void confirm(ManagedWebDriver driver) {
        driver.findElement(By.cssSelector("a[href*='action-token']")).click();
    }

    /** The activation (action-token) link in a mail, as the user's mail program would open it. */
    public static String link(MimeMessage message) {
        Matcher matcher = LINK.matcher(Mails.html(message));
        assertThat(matcher.find()).as("activation link in the mail").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    /**
     * Sends the account's welcome message over Unify's admin API ({@code POST .../unify-activation/users/{id}/welcome}),
     * as an admin's script would; with a client and redirect URI when both are given, else without.
     */
    public static HttpResponse<String> sendWelcome(ManagedRealm realm, Keycloak adminClient, String userId, String clientId,
                                            String redirectUri) throws Exception {
        String server = realm.getBaseUrl().substring(0, realm.getBaseUrl().indexOf("/realms/"));
        String query = clientId == null ? "" : "?client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + realm.getName()
                        + "/unify-activation/users/" + userId + "/welcome" + query))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A well-formed account code that is not {@code code}. */
    static String otherCodeThan(String code) {
        String candidate = "ZZZZ-ZZZZ-ZZZZ-ZZ";
        return candidate.equals(code) ? "YYYY-YYYY-YYYY-YY" : candidate;
    }
}
