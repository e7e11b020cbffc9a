package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.bench.AdminApi;
import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchMeasurement;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.BulkMeasurement;
import eu.unify.keycloak.bench.CpuSampler;

/**
 * The audit sealer under a steady stream of events: {@code -Dunify.bench.sealRate} events per second (default 500)
 * for {@code -Dunify.bench.sealSeconds} (default 20) into one realm with {@code unify-audit} on. The cheapest audited
 * request makes the events: a token request with a made-up authorization code, which Keycloak refuses and records as
 * {@code CODE_TO_TOKEN_ERROR} (failures are always recorded), so the stream is as dense as the machine can send. Reports
 * the rate reached, the seal lag (event time to the commit of its seal) p50/p99/max and the sealer thread's CPU per
 * record, from the sealer's counters; then waits for the last seal and checks that every event has its record and
 * the chain verifies.
 */
public final class SealLagMeasurement implements BulkMeasurement {

    public static final String NAME = "unify-audit-seal-lag";
    private static final int SENDERS = 8;
    private static final int EXPORT_PAGE = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> run(BenchContext context, CpuSampler cpu) throws Exception {
        int rate = Integer.getInteger("unify.bench.sealRate", 500);
        int seconds = Integer.getInteger("unify.bench.sealSeconds", 20);
        String realmName = "bench-" + NAME;
        BenchRealm realm = BenchRealm.create(context.admin().json(), realmName, context.smtpPort());
        realm.representation().putArray("eventsListeners").add("unify-audit");
        context.admin().deleteRealmIfExists(realmName);
        context.admin().createRealm(realm.representation());
        URI token = URI.create(context.realmUrl(realmName) + "/protocol/openid-connect/token");
        try {
            send(context, token, 200, rate); // warm-up: JIT, connections
            waitUntilSealed(context, realmName);
            SealerReading before = SealerReading.read(context);
            AtomicLong sent = new AtomicLong();
            BenchMeasurement<Long> load = BenchMeasurement.of(cpu, () -> {
                sent.set(send(context, token, (long) rate * seconds, rate));
                return sent.get();
            });
            JsonNode verified = waitUntilSealed(context, realmName);
            SealerReading during = SealerReading.read(context).since(before);
            long records = countRecords(context, realmName);
            long expected = 200 + sent.get();
            if (records != expected || !verified.path("valid").asBoolean()) {
                throw new IllegalStateException("AUDIT RECORDS LOST UNDER LOAD: sent " + expected + ", stored "
                        + records + "; verify " + verified);
            }
            double wall = load.wallNanos() / 1e9;
            List<String> report = new ArrayList<>();
            report.add(String.format(Locale.ROOT, "%,d refused token requests (one CODE_TO_TOKEN_ERROR record each)"
                            + " in %.1f s: %.0f events/s (asked %d/s); server CPU %.3f ms per request",
                    sent.get(), wall, sent.get() / wall, rate, load.cpuNanos() / 1e6 / sent.get()));
            report.add(during.describe());
            report.add(String.format(Locale.ROOT, "every event stored (%,d records) and the chain verifies (%,d"
                    + " checked)", records, verified.path("checked").asLong()));
            return report;
        } finally {
            context.admin().deleteRealmIfExists(realmName);
        }
    }

    /** Sends {@code count} refused code exchanges at {@code rate} per second from {@link #SENDERS} threads. */
    private static long send(BenchContext context, URI token, long count, int rate) throws Exception {
        String form = "grant_type=authorization_code&client_id=" + BenchRealm.CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(BenchRealm.REDIRECT_URI.toString(), StandardCharsets.UTF_8) + "&code=";
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                senders.add(pool.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < count) {
                        long due = start + n * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        HttpResponse<String> response = context.http().send(HttpRequest.newBuilder(token)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(form + "made-up-" + n)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 400 || !response.body().contains("invalid_grant")) {
                            throw new IllegalStateException("expected invalid_grant, got " + response.statusCode()
                                    + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return count;
    }

    private static JsonNode waitUntilSealed(BenchContext context, String realmName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode report = context.admin().json().readTree(
                    context.admin().get("/admin/realms/" + realmName + "/unify-audit/verify"));
            if (report.path("unsealed").asLong(-1) == 0) {
                return report;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("records still unsealed after 5 minutes: " + report);
            }
            Thread.sleep(200);
        }
    }

    private static long countRecords(BenchContext context, String realmName) throws Exception {
        return AdminApi.countPages(EXPORT_PAGE, first -> context.admin().get("/admin/realms/" + realmName
                        + "/unify-audit/export?format=jsonl&max=" + EXPORT_PAGE + "&first=" + first)
                .lines().filter(line -> !line.isBlank()).count());
    }
}
