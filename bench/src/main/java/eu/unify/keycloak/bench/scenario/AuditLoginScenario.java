package eu.unify.keycloak.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import eu.unify.keycloak.bench.AdminApi;
import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Scenario;

/**
 * The stock browser login of {@link StockLoginScenario}, in a realm with the {@code unify-audit} event listener on:
 * against {@code stock-login} (same realm settings, listener off) its extra CPU is what the audit trail costs a login.
 * Each login raises two user events (LOGIN, then CODE_TO_TOKEN at the token exchange). The listener inserts LOGIN in
 * the login's own transaction (the sealer chains it within about a second, on its own thread: its CPU counts as the
 * server's too); CODE_TO_TOKEN, a successful token request, only when the server runs
 * with {@code --spi-events-listener--unify-audit--record-token-requests=true} (bench option
 * {@code -Dunify.bench.keycloakOptions=...}), then in the exchange's transaction.
 *
 * <p>After the run, {@link #verify} counts the realm's stored LOGIN and CODE_TO_TOKEN records through the audit REST
 * API and fails the run unless the LOGIN count equals the logins the driver completed (warm-up and measured), the
 * CODE_TO_TOKEN count is either that too or none at all, and the realm's chain verifies: no record lost or forked
 * under load.
 */
public class AuditLoginScenario implements Scenario {

    public static final String NAME = "unify-audit-login";
    /** The export endpoint's page limit. */
    private static final int EXPORT_PAGE = 10_000;

    private final AtomicLong completedLogins = new AtomicLong();
    /** The sealer's counters before the warm-up, to report what it did for this run. */
    private SealerReading sealerBefore;
    private final String name;
    private final String baseline;
    private final boolean lightHash;
    private final String realmName;
    private BenchContext context;
    private URI realmUrl;

    public AuditLoginScenario() {
        this(NAME, StockLoginScenario.NAME, false);
    }

    /** @param lightHash a one-iteration PBKDF2 password policy (see {@link BenchRealm#lightPasswordHash}) */
    protected AuditLoginScenario(String name, String baseline, boolean lightHash) {
        this.name = name;
        this.baseline = baseline;
        this.lightHash = lightHash;
        this.realmName = "bench-" + name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(baseline);
    }

    @Override
    public String stepDescription() {
        return "the " + baseline + " step in a realm with the unify-audit listener on (2 events per login, LOGIN and"
                + " CODE_TO_TOKEN; the second recorded only with record-token-requests)";
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        BenchRealm realm = BenchRealm.create(context.admin().json(), realmName, context.smtpPort());
        if (lightHash) {
            BenchRealm.lightPasswordHash(realm);
        }
        realm.representation().putArray("eventsListeners").add("jboss-logging").add("unify-audit");
        for (int w = 0; w < context.concurrency(); w++) {
            realm.addUser(username(w), true);
        }
        context.admin().deleteRealmIfExists(realmName);
        context.admin().createRealm(realm.representation());
        realmUrl = context.realmUrl(realmName);
    }

    @Override
    public void prepare(int steps) throws Exception {
        if (sealerBefore == null) {
            sealerBefore = SealerReading.read(context);
        }
    }

    @Override
    public void step(int worker) throws Exception {
        StockLoginScenario.login(context, realmUrl, username(worker));
        completedLogins.incrementAndGet();
    }

    @Override
    public List<String> verify(BenchContext context) throws Exception {
        long logins = completedLogins.get();
        JsonNode sealed = waitUntilSealed(context);
        long loginRecords = countRecords(context, "LOGIN");
        long tokenRecords = countRecords(context, "CODE_TO_TOKEN");
        long errorRecords = countRecords(context, "LOGIN_ERROR");
        JsonNode chain = sealed;
        String counts = String.format(Locale.ROOT, "logins performed %d, LOGIN records stored %d, CODE_TO_TOKEN"
                        + " records stored %d, LOGIN_ERROR records %d; chain valid=%s over %d records",
                logins, loginRecords, tokenRecords, errorRecords, chain.path("valid").asBoolean(),
                chain.path("checked").asLong());
        // CODE_TO_TOKEN: one per login with record-token-requests, none without; anything between is a loss.
        if (loginRecords != logins || tokenRecords != logins && tokenRecords != 0 || errorRecords != 0
                || !chain.path("valid").asBoolean()) {
            throw new IllegalStateException("AUDIT RECORDS LOST OR WRONG UNDER LOAD: " + counts + "; chain: " + chain);
        }
        return List.of(counts + ": no record lost",
                SealerReading.read(context).since(sealerBefore).describe() + " (this scenario's run, all realms)");
    }

    /** The realm's verify report once the sealer has chained every record (it runs every second by default). */
    private JsonNode waitUntilSealed(BenchContext context) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            JsonNode report = context.admin().json().readTree(
                    context.admin().get("/admin/realms/" + realmName + "/unify-audit/verify"));
            if (report.path("unsealed").asLong(-1) == 0 || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists(realmName);
    }

    /** Records of one type, counted over the JSON-lines export page by page. */
    private long countRecords(BenchContext context, String type) throws IOException, InterruptedException {
        return AdminApi.countPages(EXPORT_PAGE, first -> context.admin().get("/admin/realms/" + realmName
                        + "/unify-audit/export?format=jsonl&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                        + "&max=" + EXPORT_PAGE + "&first=" + first)
                .lines().filter(line -> !line.isBlank()).count());
    }

    private static String username(int worker) {
        return "audit-login-" + worker;
    }
}
