package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;

/**
 * Stock Keycloak's password reset, the like-for-like baseline of {@link ResetCodeScenario}: the stock
 * reset-credentials flow ("Send Reset Email"), up to the same "Update password" page. Login page, "Forgot
 * password?", the address posted (Keycloak mails a link with an action token), the link read from the mail catcher
 * and opened in the same browser. A new user per step, as in the Unify scenario.
 */
public final class StockResetLinkScenario extends PasswordResetScenario {

    public static final String NAME = "stock-reset-link";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(StockLoginScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return "stock reset up to Update password: GET auth page, GET reset page, POST address (link mailed), link read"
                + " from the mail catcher and opened (4 requests and redirects, a mail)";
    }

    @Override
    Browser.Page reset(BenchContext context, Browser browser, URI realmUrl, String email) throws Exception {
        Browser.Page login = browser.get(BenchRealm.authorizationUrl(realmUrl));
        String reset = login.html().link("/login-actions/reset-credentials").orElseThrow(
                () -> new IllegalStateException("No \"Forgot password?\" link: " + login.html().excerpt()));
        Browser.Page choose = browser.follow(browser.get(login.uri().resolve(reset)), uri -> false);
        String chooseAction = choose.html().formAction("kc-reset-password-form").orElseThrow(
                () -> new IllegalStateException("No reset form: " + choose.html().excerpt()));
        browser.follow(browser.post(choose.uri().resolve(chooseAction), Map.of("username", email)), uri -> false);
        String link = context.mailbox().awaitLink(email, "/login-actions/action-token", MAIL_TIMEOUT);
        return browser.follow(browser.get(URI.create(link)), uri -> false);
    }

    @Override
    String notReachedMessage() {
        return "The reset link did not lead to Update password";
    }

    @Override
    String userPrefix() {
        return "link-";
    }
}
