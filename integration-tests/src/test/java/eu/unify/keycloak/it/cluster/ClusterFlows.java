package eu.unify.keycloak.it.cluster;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.unify.keycloak.it.cluster.ClusterBrowser.Page;

/** The user's steps the cluster tests repeat, through the front (its pin decides the node). */
final class ClusterFlows {

    private static final Pattern RESET_LINK = Pattern.compile("href=\"([^\"]*/login-actions/reset-credentials[^\"]*)\"");

    private ClusterFlows() {
    }

    /** Opens the app's sign-in, follows "Forgot password?" and asks for a code for {@code email}: the code page. */
    static Page startReset(ClusterBrowser browser, ClusterRealm realm, String email) {
        Page login = browser.get(realm.authUrl());
        Matcher link = RESET_LINK.matcher(login.html());
        if (!link.find()) {
            throw new AssertionError("no reset link on the sign-in page: " + login.text());
        }
        Page reset = browser.get(login.uri().resolve(ClusterBrowser.unescape(link.group(1))).toString());
        Page code = browser.submit(reset, "kc-reset-password-form", Map.of("username", email));
        if (!code.hasForm("unify-code-form")) {
            throw new AssertionError("no code page after asking for a code: " + code.text());
        }
        return code;
    }

    /** Signs in with a password; true when the app got its code back. */
    static boolean signIn(ClusterBrowser browser, ClusterRealm realm, String username, String password) {
        Page login = browser.get(realm.authUrl());
        Page after = browser.submit(login, "kc-form-login", Map.of("username", username, "password", password));
        return after.html().isEmpty() && browser.lastRedirect() != null
                && browser.lastRedirect().getQuery().contains("code=");
    }
}
