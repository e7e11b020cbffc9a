package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.Scenario;

/**
 * The baseline: stock Keycloak's browser login, the way a relying party drives it. A fresh browser opens the
 * authorization request, posts username and password to the login form, follows to the client's redirect URI and the
 * client exchanges the code for tokens. Each worker has its own user (brute-force protection refuses concurrent
 * logins of one user).
 */
public class StockLoginScenario implements Scenario {

    public static final String NAME = "stock-login";

    private final String name;
    private final boolean lightHash;
    private BenchContext context;
    private URI realmUrl;

    public StockLoginScenario() {
        this(NAME, false);
    }

    /** @param lightHash a one-iteration PBKDF2 password policy (see {@link BenchRealm#lightPasswordHash}) */
    protected StockLoginScenario(String name, boolean lightHash) {
        this.name = name;
        this.lightHash = lightHash;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.empty();
    }

    @Override
    public String stepDescription() {
        return "stock browser login: GET auth page, POST username and password, redirect with code, code-to-token"
                + " exchange (4 requests)";
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), "bench-" + name, context.smtpPort());
        if (lightHash) {
            BenchRealm.lightPasswordHash(realm);
        }
        configure(realm);
        for (int w = 0; w < context.concurrency(); w++) {
            realm.addUser(username(w), true);
        }
        context.admin().deleteRealmIfExists(realm.name());
        context.admin().createRealm(realm.representation());
        realmUrl = context.realmUrl(realm.name());
    }

    /** For variants of the login: changes to the realm before it is created. */
    protected void configure(BenchRealm realm) {
    }

    @Override
    public void step(int worker) throws Exception {
        login(context, realmUrl, username(worker));
    }

    /**
     * One browser login of {@code username} (password {@link BenchRealm#PASSWORD}) into the realm at {@code realmUrl},
     * up to the tokens; throws unless every answer is what a working server returns.
     */
    static void login(BenchContext context, URI realmUrl, String username) throws Exception {
        Browser browser = context.newBrowser();
        Browser.Page login = browser.get(BenchRealm.authorizationUrl(realmUrl));
        String action = login.html().formAction("kc-form-login").orElseThrow(
                () -> new IllegalStateException("No login form: " + login.html().excerpt()));
        Browser.Page afterLogin = browser.follow(browser.post(login.uri().resolve(action),
                Map.of("username", username, "password", BenchRealm.PASSWORD, "credentialId", "")),
                BenchRealm::isRedirectUri);
        URI redirect = afterLogin.location().filter(BenchRealm::isRedirectUri).orElseThrow(
                () -> new IllegalStateException("Login did not redirect to the client: " + afterLogin.html().excerpt()));
        String code = BenchRealm.authorizationCode(redirect).orElseThrow(
                () -> new IllegalStateException("No code in " + redirect));
        BenchRealm.exchangeCode(context, realmUrl, code);
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists("bench-" + name);
    }

    private static String username(int worker) {
        return "login-" + worker;
    }
}
