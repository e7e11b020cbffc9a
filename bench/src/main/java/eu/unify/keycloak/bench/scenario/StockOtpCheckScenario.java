package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.Scenario;

/**
 * Stock Keycloak's own code check, the like-for-like baseline of {@link CodeCheckScenario}: a wrong one-time password
 * posted to the OTP form of the stock browser flow (its conditional OTP step, for a user with a TOTP credential).
 * The server loads the credential, computes and compares the codes of the time window, counts the failure in
 * brute-force protection and shows the form again with the error. Before each batch (not measured) every worker
 * gets a new user and signs in with its password, then posts wrong codes to its OTP form.
 */
public final class StockOtpCheckScenario implements Scenario {

    public static final String NAME = "stock-otp-check";
    private static final String OTP_FORM = "kc-otp-login-form";
    /** Seven digits where the realm's codes have six: never valid, yet checked against the whole window like any. */
    private static final String WRONG_OTP = "0000000";

    private final AtomicInteger nextUser = new AtomicInteger();
    private BenchContext context;
    private URI realmUrl;
    /** Per worker: its browser and the OTP form's current action. Each worker touches only its own slot. */
    private Browser[] browsers;
    private URI[] actions;

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
        return "one wrong one-time password posted to stock Keycloak's OTP form, which comes back with the error"
                + " (1 request)";
    }

    @Override
    public int batchScale() {
        return 3;
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), realmName(), context.smtpPort());
        context.admin().deleteRealmIfExists(realm.name());
        context.admin().createRealm(realm.representation());
        realmUrl = context.realmUrl(realm.name());
        browsers = new Browser[context.concurrency()];
        actions = new URI[context.concurrency()];
    }

    @Override
    public void prepare(int steps) throws Exception {
        // Fresh users and a fresh sign-in per batch: every user sees at most one batch of wrong codes, as each
        // unify-code-check user sees at most one code's worth (brute-force protection locks a user temporarily
        // after some hundreds of failures even with the benchmark's generous limits), and the authentication
        // sessions stay young whatever the length of the run.
        ArrayNode users = context.admin().json().createArrayNode();
        String[] usernames = new String[browsers.length];
        for (int w = 0; w < browsers.length; w++) {
            usernames[w] = "otp-" + nextUser.getAndIncrement();
            ObjectNode user = BenchRealm.user(context.admin().json(), usernames[w], true);
            user.withArray("credentials").addObject()
                    .put("type", "otp")
                    .put("userLabel", "bench")
                    .put("secretData", "{\"value\":\"bench-totp-secret-" + usernames[w] + "\"}")
                    .put("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                            + "\"algorithm\":\"HmacSHA1\"}");
            users.add(user);
        }
        context.admin().importUsers(realmName(), users);
        for (int w = 0; w < browsers.length; w++) {
            Browser browser = context.newBrowser();
            Browser.Page login = browser.get(BenchRealm.authorizationUrl(realmUrl));
            String action = login.html().formAction("kc-form-login").orElseThrow(
                    () -> new IllegalStateException("No login form: " + login.html().excerpt()));
            Browser.Page otp = browser.follow(browser.post(login.uri().resolve(action),
                    Map.of("username", usernames[w], "password", BenchRealm.PASSWORD, "credentialId", "")), uri -> false);
            browsers[w] = browser;
            actions[w] = otpAction(otp);
        }
    }

    @Override
    public void step(int worker) throws Exception {
        Browser browser = browsers[worker];
        Browser.Page page = browser.follow(browser.post(actions[worker], Map.of("otp", WRONG_OTP)), uri -> false);
        if (!page.html().hasElement("input-error-otp")) {
            throw new IllegalStateException("The wrong one-time password was not refused: " + page.html().excerpt());
        }
        actions[worker] = otpAction(page);
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists(realmName());
    }

    private static URI otpAction(Browser.Page page) {
        return page.uri().resolve(page.html().formAction(OTP_FORM).orElseThrow(
                () -> new IllegalStateException("No OTP form: " + page.html().excerpt())));
    }

    private static String realmName() {
        return "bench-" + NAME;
    }
}
