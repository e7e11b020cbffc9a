package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;

/**
 * Password reset by code ({@code unify-reset-code}), the whole request cycle up to the accepted code: authorization
 * request, "Forgot password?", the address (Unify generates, stores and mails a code), the code read from the mail
 * catcher and typed in; the step ends on Keycloak's "Update password" page. Every step uses a new user, so the
 * per-user resend cooldown and hourly cap never interfere.
 */
public final class ResetCodeScenario extends PasswordResetScenario {

    public static final String NAME = "unify-reset-code";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(StockResetLinkScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return "reset by code up to the accepted code: GET auth page, GET reset page, POST address (code mailed),"
                + " code read from the mail catcher, POST code, lands on Update password (4 requests and a mail)";
    }

    @Override
    void configure(BenchRealm realm) {
        ResetByCode.configure(realm, 5);
    }

    @Override
    Browser.Page reset(BenchContext context, Browser browser, URI realmUrl, String email) throws Exception {
        URI action = ResetByCode.requestCode(browser, realmUrl, email);
        String code = context.mailbox().awaitUnifyCode(email, MAIL_TIMEOUT);
        return browser.follow(browser.post(action, Map.of("code", code)), uri -> false);
    }

    @Override
    String notReachedMessage() {
        return "The code was not accepted";
    }

    @Override
    String userPrefix() {
        return "reset-";
    }
}
