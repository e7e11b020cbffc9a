package eu.unify.keycloak.audit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.ChainVerification;

/**
 * The request path's insert and the sealer's batches on a real database (H2 here; PostgreSQL with
 * {@code -Dunify.audit.testDb=...}, see {@link TestDatabase}), created by the module's own changelog.
 */
class ChainSealingTest {

    private static final String REALM = "realm-a";

    @Test
    void insertedRecordsWaitUnsealedAndAreSealedInInsertOrder() throws Exception {
        TestDatabase db = TestDatabase.current();
        List<AuditRecord> inserted = insert(db, REALM, 7);
        assertThat(db.unsealed(REALM)).isEqualTo(7);
        assertThat(db.chain(REALM)).isEmpty();

        assertThat(db.sealAll(REALM, 3)).isEqualTo(7);

        List<AuditRecord> chain = db.chain(REALM);
        assertThat(chain).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(chain).extracting(AuditRecord::id).containsExactlyElementsOf(
                inserted.stream().map(AuditRecord::id).toList());
        assertThat(db.unsealed(REALM)).isZero();
        assertThat(db.verify(REALM).valid()).isTrue();
        assertThat(db.verify(REALM).checked()).isEqualTo(7);
    }

    @Test
    void aCrashMidBatchLeavesNothingHalfSealedAndSealingResumes() throws Exception {
        TestDatabase db = TestDatabase.current();
        insert(db, REALM, 10);
        db.sealAll(REALM, 100); // the first ten: the chain has a head
        insert(db, REALM, 10);

        try (Connection c = db.connect()) {
            ChainSql.Head head = db.sql.lockHead(c, REALM);
            assertThatThrownBy(() -> db.sql.sealBatch(c, REALM, head, true, 100, sealed -> {
                if (sealed == 6) {
                    throw new SQLException("the node dies here");
                }
            })).hasMessageContaining("dies");
            // The transaction never commits: the connection goes away with the node.
            c.rollback();
        }
        assertThat(db.unsealed(REALM)).isEqualTo(10);
        assertThat(db.chain(REALM)).hasSize(10);
        assertThat(db.verify(REALM).valid()).isTrue();

        assertThat(db.sealAll(REALM, 4)).isEqualTo(10);
        assertThat(db.chain(REALM)).hasSize(20);
        ChainVerification.Result verified = db.verify(REALM);
        assertThat(verified.valid()).as(String.valueOf(verified.reason())).isTrue();
        assertThat(verified.checked()).isEqualTo(20);
    }

    @Test
    void aRecordCommittedAfterLaterOnesIsSealedInTheNextBatchAndTheChainStaysValid() throws Exception {
        TestDatabase db = TestDatabase.current();
        db.sealAll(REALM, 10);
        try (Connection slow = db.connect()) {
            db.sql.insert(slow, List.of(TestDatabase.login(REALM, 1))); // lower ROW_ID, not yet committed
            insert(db, REALM, 3);
            assertThat(db.sealAll(REALM, 10)).isEqualTo(3);
            slow.commit();
        }
        assertThat(db.sealAll(REALM, 10)).isEqualTo(1);
        assertThat(db.chain(REALM)).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(db.verify(REALM).valid()).isTrue();
    }

    @Test
    void aSecondSealerWaitsForTheFirstAndNeverSealsARecordTwice() throws Exception {
        TestDatabase db = TestDatabase.current();
        insert(db, REALM, 1);
        db.sealAll(REALM, 10);
        insert(db, REALM, 50);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection first = db.connect()) {
            ChainSql.Head head = db.sql.lockHead(first, REALM);
            assertThat(db.sql.sealBatch(first, REALM, head, true, 20, ChainSql.Progress.NONE)).hasSize(20);
            // A second node's sealer: it has to wait for the head the first one holds.
            Future<Integer> second = other.submit(() -> db.sealAll(REALM, 100));
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            first.commit();
            assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(30);
        } finally {
            other.shutdownNow();
        }
        assertThat(db.chain(REALM)).hasSize(51);
        assertThat(db.verify(REALM).valid()).isTrue();
    }

    /**
     * Eight requests of one realm insert their records and all hold their transactions open at once: none waits for
     * another (if one insert waited for another's lock, not all eight could reach the barrier). On PostgreSQL the
     * lock table is also read meanwhile: no lock request is waiting.
     */
    @Test
    void eightConcurrentAppendersNeverWaitForEachOther() throws Exception {
        TestDatabase db = TestDatabase.current();
        insert(db, REALM, 5);
        db.sealAll(REALM, 10); // a realm with a chain and a head row, as in production
        int workers = 8;
        int rounds = 20;
        CyclicBarrier allInserted = new CyclicBarrier(workers + 1);
        CyclicBarrier committed = new CyclicBarrier(workers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<CompletableFuture<Void>> appenders = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            appenders.add(CompletableFuture.runAsync(() -> {
                try (Connection c = db.connect()) {
                    for (int round = 0; round < rounds; round++) {
                        db.sql.insert(c, List.of(TestDatabase.login(REALM, worker * 1000 + round)));
                        allInserted.await(10, TimeUnit.SECONDS);
                        committed.await(10, TimeUnit.SECONDS);
                        c.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        long waitingLocks = 0;
        try (Connection observer = db.connect()) {
            for (int round = 0; round < rounds; round++) {
                allInserted.await(10, TimeUnit.SECONDS); // times out if any insert waits for another transaction
                if (db.isPostgres()) {
                    waitingLocks += waitingLocks(observer);
                }
                committed.await(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        CompletableFuture.allOf(appenders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(waitingLocks).isZero();
        assertThat(db.unsealed(REALM)).isEqualTo((long) workers * rounds);
        assertThat(db.sealAll(REALM, 64)).isEqualTo(workers * rounds);
        assertThat(db.verify(REALM).valid()).isTrue();
        assertThat(db.verify(REALM).checked()).isEqualTo(5 + workers * rounds);
    }

    @Test
    void realmsAreSealedIntoChainsOfTheirOwn() throws Exception {
        TestDatabase db = TestDatabase.current();
        insert(db, "realm-b", 3);
        insert(db, REALM, 2);
        insert(db, "realm-b", 2);
        db.sealAll(REALM, 10);
        assertThat(db.unsealed("realm-b")).isEqualTo(5);
        db.sealAll("realm-b", 10);
        assertThat(db.chain(REALM)).hasSize(2);
        assertThat(db.chain("realm-b")).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(db.verify(REALM).valid()).isTrue();
        assertThat(db.verify("realm-b").valid()).isTrue();
    }

    private static long waitingLocks(Connection observer) throws SQLException {
        try (PreparedStatement s = observer.prepareStatement("select count(*) from pg_locks where not granted");
             ResultSet r = s.executeQuery()) {
            r.next();
            long waiting = r.getLong(1);
            observer.commit();
            return waiting;
        }
    }

    private static List<AuditRecord> insert(TestDatabase db, String realmId, int count) throws SQLException {
        List<AuditRecord> records = IntStream.rangeClosed(1, count).mapToObj(n -> TestDatabase.login(realmId, n))
                .toList();
        try (Connection c = db.connect()) {
            for (AuditRecord record : records) {
                db.sql.insert(c, List.of(record)); // one transaction per request, committed in this order
                c.commit();
            }
        }
        return records;
    }
}
