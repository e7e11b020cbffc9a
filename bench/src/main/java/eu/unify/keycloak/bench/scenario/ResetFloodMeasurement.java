package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;
import eu.unify.keycloak.bench.BulkMeasurement;
import eu.unify.keycloak.bench.CpuSampler;
import eu.unify.keycloak.bench.Percentiles;

/**
 * Whether "Forgot password?" can be used to hold up the server's sign-ins (issue 11: a response-time floor that
 * slept on worker threads let about 50 requests a second keep every sign-in waiting). An ordinary password sign-in
 * ({@link StockLoginScenario#login}, with the realm's default password hashing) is timed
 * {@code -Dunify.bench.floodSignIns} times (default 30), one after the other: first on a quiet server, then while
 * {@code -Dunify.bench.floodThreads} (default 50) clients post "Forgot password?" for unknown addresses as fast as
 * the server answers, once against a realm with Unify's reset by code and once against a realm with stock Keycloak's
 * reset (link by email), side by side on the same server. Reports the sign-in's median and 95th percentile in each
 * case and the flood's rate and its POSTs' median.
 */
public final class ResetFloodMeasurement implements BulkMeasurement {

    public static final String NAME = "unify-reset-flood";
    private static final String SIGN_IN_USER = "flood-signin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> run(BenchContext context, CpuSampler cpu) throws Exception {
        int signIns = Integer.getInteger("unify.bench.floodSignIns", 30);
        int threads = Integer.getInteger("unify.bench.floodThreads", 50);
        String unifyRealm = "bench-" + NAME;
        String stockRealm = "bench-stock-reset-flood";
        BenchRealm unify = BenchRealm.create(context.admin().json(), unifyRealm, context.smtpPort());
        ResetByCode.configure(unify, 10);
        unify.addUser(SIGN_IN_USER, true);
        BenchRealm stock = BenchRealm.create(context.admin().json(), stockRealm, context.smtpPort());
        stock.addUser(SIGN_IN_USER, true);
        for (BenchRealm realm : List.of(unify, stock)) {
            context.admin().deleteRealmIfExists(realm.name());
            context.admin().createRealm(realm.representation());
        }
        URI unifyUrl = context.realmUrl(unifyRealm);
        URI stockUrl = context.realmUrl(stockRealm);
        try {
            // Warm-up of both paths, unmeasured.
            signIns(context, unifyUrl, 10);
            signIns(context, stockUrl, 10);
            flood(context, unifyUrl, threads, () -> signIns(context, unifyUrl, 5));
            flood(context, stockUrl, threads, () -> signIns(context, stockUrl, 5));

            List<String> report = new ArrayList<>();
            report.add(signInLine("sign-in, quiet server", signIns(context, unifyUrl, signIns)));
            Flood unifyFlood = flood(context, unifyUrl, threads, () -> signIns(context, unifyUrl, signIns));
            report.add(signInLine("sign-in during a flood of Unify reset-by-code POSTs", unifyFlood.signIns));
            report.add(unifyFlood.line("Unify reset-by-code flood", threads));
            Flood stockFlood = flood(context, stockUrl, threads, () -> signIns(context, stockUrl, signIns));
            report.add(signInLine("sign-in during a flood of stock reset-link POSTs", stockFlood.signIns));
            report.add(stockFlood.line("stock reset-link flood", threads));
            report.add(signInLine("sign-in, quiet server again", signIns(context, unifyUrl, signIns)));
            return report;
        } finally {
            context.admin().deleteRealmIfExists(unifyRealm);
            context.admin().deleteRealmIfExists(stockRealm);
        }
    }

    private interface Measured {
        long[] run() throws Exception;
    }

    private record Flood(long[] signIns, long[] posts, double seconds) {

        String line(String what, int threads) {
            Percentiles p = new Percentiles(posts);
            return String.format(Locale.ROOT, "%s: %d clients, %.0f POSTs/s, POST p50 %.1f ms, p95 %.1f ms", what,
                    threads, posts.length / seconds, p.percentile(50) / 1e6, p.percentile(95) / 1e6);
        }
    }

    /** Runs {@code measured} while {@code threads} clients post "Forgot password?" for unknown addresses. */
    private static Flood flood(BenchContext context, URI realmUrl, int threads, Measured measured) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong counter = new AtomicLong();
        List<Long> posts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> flooders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            flooders.add(pool.submit(() -> {
                while (running.get()) {
                    Browser browser = context.newBrowser();
                    URI form = ResetByCode.openResetForm(browser, realmUrl);
                    String address = "flood-" + counter.incrementAndGet() + "@" + BenchRealm.EMAIL_DOMAIN;
                    long start = System.nanoTime();
                    Browser.Page page = browser.post(form, Map.of("username", address));
                    long took = System.nanoTime() - start;
                    if (page.status() >= 500) {
                        throw new IllegalStateException("Reset POST answered " + page.status());
                    }
                    if (running.get()) {
                        posts.add(took);
                    }
                }
                return null;
            }));
        }
        try {
            // Let the flood reach its steady state before the sign-ins are timed.
            Thread.sleep(2000);
            posts.clear();
            long start = System.nanoTime();
            long[] signIns = measured.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Future<?> flooder : flooders) {
                flooder.get();
            }
            long[] postTimes;
            synchronized (posts) {
                postTimes = posts.stream().mapToLong(Long::longValue).toArray();
            }
            return new Flood(signIns, postTimes, seconds);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    private static long[] signIns(BenchContext context, URI realmUrl, int count) throws Exception {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            StockLoginScenario.login(context, realmUrl, SIGN_IN_USER);
            times[i] = System.nanoTime() - start;
        }
        return times;
    }

    private static String signInLine(String what, long[] times) {
        Percentiles p = new Percentiles(times);
        return String.format(Locale.ROOT, "%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d sign-ins", what,
                p.percentile(50) / 1e6, p.percentile(95) / 1e6, p.percentile(100) / 1e6, times.length);
    }
}
