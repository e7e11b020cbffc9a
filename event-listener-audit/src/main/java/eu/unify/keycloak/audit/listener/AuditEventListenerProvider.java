package eu.unify.keycloak.audit.listener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.audit.jpa.AuditStore;
import eu.unify.keycloak.audit.jpa.ChainAppender;
import eu.unify.keycloak.audit.record.AuditJson;
import eu.unify.keycloak.audit.record.AuditRecord;

/**
 * Records the session's events when its transaction commits, in that same transaction: a rolled-back action leaves no
 * record, a committed one always has its record. Appending at commit (not at each event) keeps the realm's chain head
 * locked only for the end of the transaction, and never while the request waits for another transaction (Keycloak
 * sends error events in a transaction of their own while the request's is still open).
 */
final class AuditEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AuditEventListenerProvider.class);
    private static final Logger JSON_LOG = Logger.getLogger(AuditOptions.JSON_CATEGORY);

    private final KeycloakSession session;
    private final AuditRecordMapper mapper;
    private final AuditOptions options;
    private final AuditFailures failures;
    private final ChainAppender appender;
    private final ListenerCpu cpu;
    private final List<AuditRecord> pending = new ArrayList<>();
    /** Realms deleted in this transaction: their chains are marked once their last record is appended. */
    private final Map<String, RealmDeletion> deletions = new LinkedHashMap<>();
    /** Appended in the prepare phase, committed (or not) with the transaction. */
    private List<AuditRecord> appended = List.of();
    private boolean enlisted;

    AuditEventListenerProvider(KeycloakSession session, AuditOptions options, AuditFailures failures,
                               ChainAppender appender, ListenerCpu cpu) {
        this.session = session;
        this.cpu = cpu;
        this.mapper = new AuditRecordMapper(session, options.maskEmail());
        this.options = options;
        this.failures = failures;
        this.appender = appender;
    }

    @Override
    public void onEvent(Event event) {
        long start = cpu.start();
        try {
            if (event.getType() != null && !options.records(event.getType().name())) {
                return;
            }
            add(mapper.fromUserEvent(event));
        } catch (RuntimeException e) {
            failed(String.valueOf(event.getType()), e);
        } finally {
            cpu.own(start);
            cpu.event();
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        long start = cpu.start();
        try {
            add(mapper.fromAdminEvent(event));
        } catch (RuntimeException e) {
            failed("admin " + event.getOperationType(), e);
        } finally {
            cpu.own(start);
            cpu.event();
        }
    }

    /**
     * A realm with a chain is being deleted, in this transaction: its chain gets a last record saying so, and is marked
     * as a deleted realm's, to be kept for {@code retentionDays} (see {@link PurgeExpiredRecordsTask}).
     */
    void realmDeleted(RealmModel realm, int retentionDays) {
        RealmDeletion deletion = new RealmDeletion(realm.getId(), realm.getName(), Time.currentTimeMillis(),
                retentionDays);
        AuditRecord record = mapper.fromRealmDeletion(realm);
        if (!session.getTransactionManager().isActive()) {
            List<AuditRecord> chained = KeycloakModelUtils.runJobInTransactionWithResult(
                    session.getKeycloakSessionFactory(), own -> {
                        List<AuditRecord> linked = appender.append(own, List.of(record));
                        deletion.mark(AuditStore.of(own));
                        return linked;
                    });
            committed(chained);
            return;
        }
        deletions.put(realm.getId(), deletion);
        add(record);
    }

    private record RealmDeletion(String realmId, String realmName, long time, int retentionDays) {
        void mark(AuditStore store) {
            store.markDeleted(realmId, realmName, time, retentionDays);
        }
    }

    private void add(AuditRecord record) {
        cpu.record();
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (!transaction.isActive()) {
            // An event outside any transaction (rare: sent after completion): record it in one of its own.
            List<AuditRecord> chained = KeycloakModelUtils.runJobInTransactionWithResult(
                    session.getKeycloakSessionFactory(), own -> appender.append(own, List.of(record)));
            committed(chained);
            return;
        }
        pending.add(record);
        if (!enlisted) {
            enlisted = true;
            transaction.enlistPrepare(new AppendAtCommit());
            // Now: once the commit has begun, the manager takes no more participants.
            transaction.enlistAfterCompletion(new AfterCommit());
        }
    }

    private void failed(String what, RuntimeException e) {
        failures.record();
        // The exception's class only: messages of persistence errors can quote the values being written.
        LOG.warnf("unify-audit could not record an event (%s): %s; %d events unrecorded since start", what,
                e.getClass().getName(), failures.count());
    }

    /** Once the records' transaction has committed: their heads are the realms' heads, and the SIEM may see them. */
    private void committed(List<AuditRecord> chained) {
        appender.committed(chained);
        if (options.logJson()) {
            chained.forEach(record -> JSON_LOG.info(AuditJson.of(record)));
        }
    }

    @Override
    public void close() {
    }

    /** Runs in the prepare phase of the commit, before the database transaction commits. */
    private final class AppendAtCommit extends AbstractKeycloakTransaction {

        @Override
        protected void commitImpl() {
            if (pending.isEmpty()) {
                return;
            }
            List<AuditRecord> records = List.copyOf(pending);
            pending.clear();
            // The action's own writes first, so that while the chain head is locked (from the append to the commit)
            // this transaction waits for no other row lock: no deadlock forms around the head. Its failures are the
            // action's, not the trail's.
            long start = cpu.start();
            session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
            start = cpu.flushed(start);
            try {
                appended = appender.append(session, records);
                if (!deletions.isEmpty()) {
                    AuditStore store = AuditStore.of(session);
                    deletions.values().forEach(deletion -> deletion.mark(store));
                    deletions.clear();
                }
            } catch (RuntimeException e) {
                // The action must not commit without its record: it fails with it.
                failed(records.size() + " records at commit", e);
                throw e;
            } finally {
                cpu.own(start);
            }
        }

        @Override
        protected void rollbackImpl() {
            pending.clear();
            deletions.clear();
        }
    }

    /** Tells the head hints and the JSON log about the appended records only once they are committed. */
    private final class AfterCommit extends AbstractKeycloakTransaction {

        @Override
        protected void commitImpl() {
            long start = cpu.start();
            List<AuditRecord> records = appended;
            appended = List.of();
            committed(records);
            cpu.own(start);
        }

        @Override
        protected void rollbackImpl() {
            List<AuditRecord> records = appended;
            appended = List.of();
            appender.rolledBack(records);
        }
    }
}
