package eu.unify.keycloak.audit.listener;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.audit.jpa.AuditStore;
import eu.unify.keycloak.audit.jpa.ChainSql;
import eu.unify.keycloak.audit.record.AuditJson;
import eu.unify.keycloak.audit.record.AuditRecord;

/**
 * Chains committed records after their commit, on a thread of its own (never a request's): every
 * {@code seal-interval-millis} it seals each realm's waiting records in batches of {@value #BATCH}, each batch in one
 * transaction that holds the realm's chain head row (so one node seals a realm at a time, whichever nodes run this),
 * then logs the sealed records' JSON lines ({@code log-json}) and writes the checkpoints that are due.
 *
 * <p>Its own thread rather than Keycloak's timer: the timer runs every task of the server on one thread, and a long
 * purge would hold sealing up (or sealing a backlog the server's own cleanup tasks).
 */
public final class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final Logger JSON_LOG = Logger.getLogger(AuditOptions.JSON_CATEGORY);

    static final int BATCH = 500;
    /** Upper bounds (ms) of the seal lag buckets in the provider info; the last bucket is everything longer. */
    static final long[] LAG_BOUNDS_MILLIS = {10, 25, 50, 100, 250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000,
        5000, 7500, 10_000, 30_000, 60_000};
    /** Batches per realm and tick: a backlog is worked off over several ticks, so that no realm starves the others. */
    private static final int MAX_BATCHES_PER_TICK = 40;

    private final KeycloakSessionFactory factory;
    private final AuditOptions options;
    private final AuditCheckpoints checkpoints;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final LongAdder sealed = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** How long sealed records waited, from their event time to their seal's commit: counts per bucket of LAG_BOUNDS. */
    private final LongAdder[] lag = new LongAdder[LAG_BOUNDS_MILLIS.length + 1];
    /** Per realm, when this node next checks whether a checkpoint is due (millis). */
    private final Map<String, Long> checkpointDue = new ConcurrentHashMap<>();
    private volatile ChainSql sql;
    private ScheduledExecutorService executor;

    AuditSealer(KeycloakSessionFactory factory, AuditOptions options, AuditCheckpoints checkpoints) {
        this.factory = factory;
        this.options = options;
        this.checkpoints = checkpoints;
        for (int i = 0; i < lag.length; i++) {
            lag[i] = new LongAdder();
        }
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "unify-audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, options.sealIntervalMillis(), options.sealIntervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void tick() {
        try {
            Set<String> realms = realmIds();
            realms.forEach(this::seal);
            checkpointsDue(realms);
        } catch (RuntimeException e) {
            failures.increment();
            // The class only: a persistence error's message can quote the values being written.
            LOG.warnf("unify-audit sealer: %s; the records stay waiting and are sealed at the next run",
                    e.getClass().getName());
        }
    }

    /** Seals what is waiting in every realm; returns how many records it sealed. */
    public long sealAll() {
        long count = 0;
        for (String realmId : realmIds()) {
            count += seal(realmId);
        }
        return count;
    }

    private Set<String> realmIds() {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            Set<String> ids = new TreeSet<>(AuditStore.of(session).realmIds());
            session.realms().getRealmsStream().map(RealmModel::getId).forEach(ids::add);
            return ids;
        });
    }

    /** Seals the realm's waiting records, batch by batch (each committed on its own); returns how many. */
    long seal(String realmId) {
        long count = 0;
        for (int i = 0; i < MAX_BATCHES_PER_TICK; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            List<AuditRecord> batch = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> sealBatch(session, realmId));
            if (batch == null) {
                createHead(realmId);
                continue;
            }
            if (!batch.isEmpty()) {
                cpuNanos.add(threads.getCurrentThreadCpuTime() - cpu);
                sealed.add(batch.size());
                batches.increment();
                count += batch.size();
                long committed = Time.currentTimeMillis();
                batch.forEach(record -> lag[bucket(committed - record.time())].increment());
                if (options.logJson()) {
                    // After the commit: a line is never logged for a seal that rolled back.
                    batch.forEach(record -> JSON_LOG.info(AuditJson.of(record)));
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return count;
    }

    /** One batch in the session's transaction; null if the realm has records waiting but no chain head yet. */
    private List<AuditRecord> sealBatch(KeycloakSession session, String realmId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        ChainSql statements = sql(em);
        boolean live = session.realms().getRealm(realmId) != null;
        return em.callWithConnection((Connection connection) -> {
            if (statements.unsealed(connection, realmId).count() == 0) {
                return List.of();
            }
            ChainSql.Head head = statements.lockHead(connection, realmId);
            if (head == null) {
                return null;
            }
            return statements.sealBatch(connection, realmId, head, live, BATCH, ChainSql.Progress.NONE);
        });
    }

    /** The realm's first records: its chain head, committed on its own so that it exists to be locked. */
    private void createHead(String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                ChainSql statements = sql(em);
                em.runWithConnection((Connection connection) -> statements.createHead(connection, realmId));
            });
        } catch (RuntimeException concurrentlyCreated) {
            // Another node created it first: fine, it is there.
            LOG.debugf("Audit chain head of realm %s created concurrently", realmId);
        }
    }

    /** Writes the checkpoints that are due: per realm at most one per interval, on whichever node gets there first. */
    private void checkpointsDue(Set<String> realms) {
        if (options.checkpointIntervalMinutes() == 0) {
            return;
        }
        long now = Time.currentTimeMillis();
        long interval = options.checkpointIntervalMinutes() * 60_000L;
        for (String realmId : realms) {
            if (checkpointDue.getOrDefault(realmId, 0L) > now) {
                continue;
            }
            checkpoints.createIfDue(realmId, interval);
            checkpointDue.put(realmId, now + Math.min(interval, 60_000L));
        }
    }

    private ChainSql sql(EntityManager em) {
        ChainSql built = sql;
        if (built == null) {
            built = new ChainSql(ChainSql.Tables.of(em));
            sql = built;
        }
        return built;
    }

    private static int bucket(long millis) {
        for (int i = 0; i < LAG_BOUNDS_MILLIS.length; i++) {
            if (millis <= LAG_BOUNDS_MILLIS[i]) {
                return i;
            }
        }
        return LAG_BOUNDS_MILLIS.length;
    }

    /**
     * For the provider info and the bench: records sealed by this node since start, in how many batches, the sealer
     * thread's CPU time for them (measured per batch on the sealer's own thread, never on a request's), and how long
     * they waited to be sealed.
     */
    Map<String, String> statistics() {
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < lag.length; i++) {
            buckets.append(i == 0 ? "" : ",").append(i < LAG_BOUNDS_MILLIS.length ? "<=" + LAG_BOUNDS_MILLIS[i] : ">")
                    .append(':').append(lag[i].sum());
        }
        return Map.of("sealedRecords", Long.toString(sealed.sum()),
                "sealedBatches", Long.toString(batches.sum()),
                "sealerCpuMicros", Long.toString(cpuNanos.sum() / 1000),
                "sealerFailures", Long.toString(failures.sum()),
                // Counts of sealed records per lag bucket (ms), since start: a reader subtracts two readings.
                "sealLagMillis", buckets.toString());
    }
}
