package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.Scenario;

/**
 * One code check of {@code unify-reset-code} on its own: a wrong code posted to an open code form. The server loads
 * the stored code, compares keyed hashes, counts the wrong try (per code and in brute-force protection, category
 * otp) and shows the form again with the error. Forms are opened (and their codes mailed) before each batch, outside
 * the measurement; each takes {@link #TRIES_PER_FORM} wrong codes, one fewer than voids the code, so that every
 * measured check is the same ordinary wrong try.
 */
public final class CodeCheckScenario implements Scenario {

    public static final String NAME = "unify-code-check";
    private static final int MAX_ATTEMPTS = 10;
    static final int TRIES_PER_FORM = MAX_ATTEMPTS - 1;
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<OpenForm> forms = new LinkedBlockingQueue<>();
    private final AtomicInteger nextUser = new AtomicInteger();
    private BenchContext context;
    private URI realmUrl;
    private int users;

    /** A browser on the code form: where to post and the wrong code to post there. */
    private record OpenForm(Browser browser, URI action, String wrongCode, int triesLeft) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(StockOtpCheckScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return "one wrong code posted to unify-reset-code's open code form, which comes back with the error (1 request)";
    }

    @Override
    public int batchScale() {
        return 3;
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), "bench-" + NAME, context.smtpPort());
        ResetByCode.configure(realm, MAX_ATTEMPTS);
        // Every form serves TRIES_PER_FORM steps; partly used forms carry over to the next batch.
        users = context.plannedSteps() / TRIES_PER_FORM + context.concurrency() + 2;
        for (int i = 0; i < users; i++) {
            realm.addUser(username(i), false);
        }
        context.admin().deleteRealmIfExists(realm.name());
        context.admin().createRealm(realm.representation());
        realmUrl = context.realmUrl(realm.name());
    }

    @Override
    public void prepare(int steps) throws Exception {
        // A form per worker more than the batch needs, so a worker rarely finds all forms in the others' hands.
        int wanted = steps + context.concurrency() * TRIES_PER_FORM;
        int tries = forms.stream().mapToInt(OpenForm::triesLeft).sum();
        while (tries < wanted) {
            forms.add(open());
            tries += TRIES_PER_FORM;
        }
    }

    @Override
    public void step(int worker) throws Exception {
        // Never waits long: while this batch has steps left, some form in another worker's hands has tries left.
        OpenForm form = forms.poll(60, TimeUnit.SECONDS);
        if (form == null) {
            throw new IllegalStateException("No open code form left; prepare opened too few");
        }
        Browser.Page page = form.browser().follow(form.browser().post(form.action(), Map.of("code", form.wrongCode())),
                uri -> false);
        if (!page.html().hasElement("input-error-code")) {
            throw new IllegalStateException("The wrong code was not refused: " + page.html().excerpt());
        }
        if (form.triesLeft() > 1) {
            forms.add(new OpenForm(form.browser(), ResetByCode.codeFormAction(page), form.wrongCode(),
                    form.triesLeft() - 1));
        }
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists("bench-" + NAME);
    }

    private OpenForm open() throws Exception {
        int user = nextUser.getAndIncrement();
        if (user >= users) {
            throw new IllegalStateException("More code forms than planned users (" + users + ")");
        }
        String email = BenchRealm.email(username(user));
        Browser browser = context.newBrowser();
        URI action = ResetByCode.requestCode(browser, realmUrl, email);
        String code = context.mailbox().awaitUnifyCode(email, MAIL_TIMEOUT);
        return new OpenForm(browser, action, wrong(code), TRIES_PER_FORM);
    }

    /** The same length and alphabet as the real code, one digit off. */
    static String wrong(String code) {
        char first = code.charAt(0);
        char other = first == '9' ? '0' : (char) (first + 1);
        return other + code.substring(1);
    }

    private static String username(int index) {
        return "check-" + index;
    }
}
