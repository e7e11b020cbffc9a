package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

import eu.unify.keycloak.it.Mails;

/** The required action {@code unify-account-activation} as the activation tests set it up and meet it in mails. */
final class ActivationAction {

    static final String ID = "unify-account-activation";

    private static final Pattern LINK = Pattern.compile("href=\"(http[^\"]*login-actions/action-token[^\"]*)\"");

    private ActivationAction() {
    }

    /** Registers the action in the realm (once) and records user events, as an admin would set it up. */
    static void enable(ManagedRealm realm) {
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

    /** The activation (action-token) link in a mail, as the user's mail program would open it. */
    static String link(MimeMessage message) {
        Matcher matcher = LINK.matcher(Mails.html(message));
        assertThat(matcher.find()).as("activation link in the mail").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
