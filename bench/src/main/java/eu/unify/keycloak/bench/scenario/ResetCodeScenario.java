package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.Scenario;

/**
 * Password reset by code ({@code unify-reset-code}), the whole request cycle up to the accepted code: authorization
 * request, "Forgot password?", the address (Unify generates, stores and mails a code), the code read from the mail
 * catcher and typed in; the step ends on Keycloak's "Update password" page. Every step uses a new user, so the
 * per-user resend cooldown and hourly cap never interfere.
 */
public final class ResetCodeScenario implements Scenario {

    public static final String NAME = "unify-reset-code";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private final AtomicInteger nextUser = new AtomicInteger();
    private BenchContext context;
    private URI realmUrl;
    private int users;

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
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), "bench-" + NAME, context.smtpPort());
        ResetByCode.configure(realm, 5);
        users = context.plannedSteps() + context.concurrency();
        for (int i = 0; i < users; i++) {
            realm.addUser(username(i), false);
        }
        context.admin().deleteRealmIfExists(realm.name());
        context.admin().createRealm(realm.representation());
        realmUrl = context.realmUrl(realm.name());
    }

    @Override
    public void step(int worker) throws Exception {
        int user = nextUser.getAndIncrement();
        if (user >= users) {
            throw new IllegalStateException("More steps than planned users (" + users + ")");
        }
        String email = BenchRealm.email(username(user));
        Browser browser = context.newBrowser();
        URI action = ResetByCode.requestCode(browser, realmUrl, email);
        String code = context.mailbox().awaitUnifyCode(email, MAIL_TIMEOUT);
        Browser.Page next = browser.follow(browser.post(action, Map.of("code", code)), uri -> false);
        if (!next.html().hasElement("kc-passwd-update-form")) {
            throw new IllegalStateException("The code was not accepted: " + next.html().excerpt());
        }
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists("bench-" + NAME);
    }

    private static String username(int index) {
        return "reset-" + index;
    }
}
