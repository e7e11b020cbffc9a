package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.Scenario;

/**
 * What the stock and the Unify password reset have in common: a realm of their own with one user per planned step
 * (so resend cooldowns and hourly caps never interfere), a fresh browser per step, and a step that must end on
 * Keycloak's "Update password" page. Subclasses say how the realm differs and how the reset is walked.
 */
abstract class PasswordResetScenario implements Scenario {

    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private final AtomicInteger nextUser = new AtomicInteger();
    private BenchContext context;
    private URI realmUrl;
    private int users;

    /** Changes the bench realm before it is created; nothing by default. */
    void configure(BenchRealm realm) {
    }

    /** Walks the reset for {@code email} in {@code browser}; returns the page it ends on. */
    abstract Browser.Page reset(BenchContext context, Browser browser, URI realmUrl, String email) throws Exception;

    /** Why a step that did not reach "Update password" failed, for the run's error. */
    abstract String notReachedMessage();

    /** Prefix of this scenario's user names. */
    abstract String userPrefix();

    @Override
    public final void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), realmName(), context.smtpPort());
        configure(realm);
        users = context.plannedSteps() + context.concurrency();
        for (int i = 0; i < users; i++) {
            realm.addUser(userPrefix() + i, false);
        }
        context.admin().deleteRealmIfExists(realm.name());
        context.admin().createRealm(realm.representation());
        realmUrl = context.realmUrl(realm.name());
    }

    @Override
    public final void step(int worker) throws Exception {
        int user = nextUser.getAndIncrement();
        if (user >= users) {
            throw new IllegalStateException("More steps than planned users (" + users + ")");
        }
        String email = BenchRealm.email(userPrefix() + user);
        Browser.Page next = reset(context, context.newBrowser(), realmUrl, email);
        if (!next.html().hasElement("kc-passwd-update-form")) {
            throw new IllegalStateException(notReachedMessage() + ": " + next.html().excerpt());
        }
    }

    @Override
    public final void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists(realmName());
    }

    private String realmName() {
        return "bench-" + name();
    }
}
