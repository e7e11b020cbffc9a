package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.BulkMeasurement;
import eu.unify.keycloak.bench.CpuSampler;
import eu.unify.keycloak.bench.RankTest;

/**
 * Whether the response time of "Forgot password?" by code tells a known address from an unknown one (issue 11): the
 * two requests an attacker can time, the POST of the address (which sends a code to a real account) and the POST of
 * a wrong code, each timed for {@code -Dunify.bench.resetTimingSamples} (default 200) fresh known addresses and as
 * many unknown ones, in one shuffled order (so drift of the machine hits both alike), one request at a time, each from
 * a fresh browser, after an unmeasured warm-up of {@code -Dunify.bench.resetTimingWarmup} (default 40) of each.
 * Reports per POST the median of both, the difference known − unknown, and the two-sided Mann–Whitney rank test's
 * p-value ({@link RankTest}): a small p (say below 0.01) would mean the times differ. The accounts' usernames are
 * their addresses, as after Unify's legacy move.
 */
public final class ResetTimingMeasurement implements BulkMeasurement {

    public static final String NAME = "unify-reset-timing";
    private static final String WRONG_CODE = "00000000";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> run(BenchContext context, CpuSampler cpu) throws Exception {
        int samples = Integer.getInteger("unify.bench.resetTimingSamples", 200);
        int warmup = Integer.getInteger("unify.bench.resetTimingWarmup", 40);
        String realmName = "bench-" + NAME;
        BenchRealm realm = BenchRealm.create(context.admin().json(), realmName, context.smtpPort());
        ResetByCode.configure(realm, 10);
        for (int i = 0; i < warmup + samples; i++) {
            // As after Unify's legacy move: the address is the username too, so Choose User finds a known account
            // with its first lookup (by username) and an unknown address only after its second (by address).
            realm.addUser(known(i), false).put("username", BenchRealm.email(known(i)));
        }
        context.admin().deleteRealmIfExists(realmName);
        context.admin().createRealm(realm.representation());
        URI realmUrl = context.realmUrl(realmName);
        try {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < warmup + samples; i++) {
                order.add(i);
                order.add(-i - 1);
            }
            // Warm-up first (its own shuffled order), then the measured samples shuffled together.
            List<Integer> warm = new ArrayList<>(order.subList(0, 2 * warmup));
            List<Integer> measured = new ArrayList<>(order.subList(2 * warmup, order.size()));
            Random random = new Random(11);
            Collections.shuffle(warm, random);
            Collections.shuffle(measured, random);
            for (int sample : warm) {
                time(context, realmUrl, address(sample));
            }
            double[][] knownTimes = new double[2][samples];
            double[][] unknownTimes = new double[2][samples];
            int k = 0;
            int u = 0;
            for (int sample : measured) {
                double[] times = time(context, realmUrl, address(sample));
                if (sample >= 0) {
                    knownTimes[0][k] = times[0];
                    knownTimes[1][k++] = times[1];
                } else {
                    unknownTimes[0][u] = times[0];
                    unknownTimes[1][u++] = times[1];
                }
            }
            // The accounts did get their codes (after the response): the known path is not a no-op.
            context.mailbox().awaitUnifyCode(address(warmup + samples - 1), MAIL_TIMEOUT);
            return List.of(
                    line("POST address (send code)", knownTimes[0], unknownTimes[0]),
                    line("POST wrong code", knownTimes[1], unknownTimes[1]));
        } finally {
            context.admin().deleteRealmIfExists(realmName);
            context.mailbox().purge();
        }
    }

    /** The two timed POSTs of one fresh browser, in milliseconds. */
    private static double[] time(BenchContext context, URI realmUrl, String address) throws Exception {
        Browser browser = context.newBrowser();
        URI resetForm = ResetByCode.openResetForm(browser, realmUrl);
        long start = System.nanoTime();
        Browser.Page codePage = browser.follow(browser.post(resetForm, Map.of("username", address)), uri -> false);
        long sent = System.nanoTime();
        URI codeForm = ResetByCode.codeFormAction(codePage);
        long checkStart = System.nanoTime();
        Browser.Page wrong = browser.post(codeForm, Map.of("code", WRONG_CODE));
        long checked = System.nanoTime();
        if (wrong.status() != 200 || !wrong.html().hasElement("input-error-code")) {
            throw new IllegalStateException("A wrong code was not answered with the form's error: "
                    + wrong.html().excerpt());
        }
        return new double[] {(sent - start) / 1e6, (checked - checkStart) / 1e6};
    }

    private static String line(String what, double[] known, double[] unknown) {
        RankTest test = RankTest.of(known, unknown);
        double knownMedian = RankTest.median(known);
        double unknownMedian = RankTest.median(unknown);
        return String.format(Locale.ROOT, "%s: median known %.2f ms, unknown %.2f ms, known - unknown %+.2f ms;"
                        + " Mann-Whitney p = %.3g (z = %+.2f) over %d + %d samples", what, knownMedian,
                unknownMedian, knownMedian - unknownMedian, test.p(), test.z(), known.length, unknown.length);
    }

    private static String address(int sample) {
        return sample >= 0 ? BenchRealm.email(known(sample)) : "unknown-" + (-sample - 1) + "@" + BenchRealm.EMAIL_DOMAIN;
    }

    private static String known(int i) {
        return "known-" + i;
    }
}
