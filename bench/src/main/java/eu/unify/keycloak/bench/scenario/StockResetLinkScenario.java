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
 * Stock Keycloak's password reset, the like-for-like baseline of {@link ResetCodeScenario}: the stock
 * reset-credentials flow ("Send Reset Email"), up to the same "Update password" page. Login page, "Forgot
 * password?", the address posted (Keycloak mails a link with an action token), the link read from the mail catcher
 * and opened in the same browser. A new user per step, as in the Unify scenario.
 */
public final class StockResetLinkScenario implements Scenario {

    public static final String NAME = "stock-reset-link";
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
        return Optional.of(StockLoginScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return "stock reset up to Update password: GET auth page, GET reset page, POST address (link mailed), link read"
                + " from the mail catcher and opened (4 requests and redirects, a mail)";
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), "bench-" + NAME, context.smtpPort());
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
        Browser.Page login = browser.get(BenchRealm.authorizationUrl(realmUrl));
        String reset = login.html().link("/login-actions/reset-credentials").orElseThrow(
                () -> new IllegalStateException("No \"Forgot password?\" link: " + login.html().excerpt()));
        Browser.Page choose = browser.follow(browser.get(login.uri().resolve(reset)), uri -> false);
        String chooseAction = choose.html().formAction("kc-reset-password-form").orElseThrow(
                () -> new IllegalStateException("No reset form: " + choose.html().excerpt()));
        browser.follow(browser.post(choose.uri().resolve(chooseAction), Map.of("username", email)), uri -> false);
        String link = context.mailbox().awaitLink(email, "/login-actions/action-token", MAIL_TIMEOUT);
        Browser.Page next = browser.follow(browser.get(URI.create(link)), uri -> false);
        if (!next.html().hasElement("kc-passwd-update-form")) {
            throw new IllegalStateException("The reset link did not lead to Update password: " + next.html().excerpt());
        }
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists("bench-" + NAME);
    }

    private static String username(int index) {
        return "link-" + index;
    }
}
