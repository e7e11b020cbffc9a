package eu.unify.keycloak.audit.listener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.audit.jpa.AuditStore;
import eu.unify.keycloak.audit.jpa.RecordWriter;
import eu.unify.keycloak.audit.record.AuditRecord;

/**
 * Records the session's events when its transaction commits, in that same transaction: a rolled-back action leaves no
 * record, a committed one always has its record. The request only inserts its records (unsealed): no chain head, no
 * read of other records, nothing that two requests contend for. {@link AuditSealer} chains them after the commit.
 */
final class AuditEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AuditEventListenerProvider.class);

    private final KeycloakSession session;
    private final AuditRecordMapper mapper;
    private final AuditOptions options;
    private final AuditFailures failures;
    private final RecordWriter writer;
    private final List<AuditRecord> pending = new ArrayList<>();
    /** Realms deleted in this transaction: their chains are marked once their last record is inserted. */
    private final Map<String, RealmDeletion> deletions = new LinkedHashMap<>();
    private boolean enlisted;

    AuditEventListenerProvider(KeycloakSession session, AuditOptions options, AuditFailures failures,
                               RecordWriter writer) {
        this.session = session;
        this.mapper = new AuditRecordMapper(session, options.maskEmail());
        this.options = options;
        this.failures = failures;
        this.writer = writer;
    }

    @Override
    public void onEvent(Event event) {
        try {
            if (event.getType() != null && !options.records(event.getType().name())) {
                return;
            }
            add(mapper.fromUserEvent(event));
        } catch (RuntimeException e) {
            failed(String.valueOf(event.getType()), e);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        try {
            add(mapper.fromAdminEvent(event));
        } catch (RuntimeException e) {
            failed("admin " + event.getOperationType(), e);
        }
    }

    /**
     * A realm with a trail is being deleted, in this transaction: its trail gets a last record saying so, and is marked
     * as a deleted realm's, to be kept for {@code retentionDays} (see {@link PurgeExpiredRecordsTask}).
     */
    void realmDeleted(RealmModel realm, int retentionDays) {
        RealmDeletion deletion = new RealmDeletion(realm.getId(), realm.getName(), Time.currentTimeMillis(),
                retentionDays);
        AuditRecord record = mapper.fromRealmDeletion(realm);
        if (!session.getTransactionManager().isActive()) {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                writer.insert(own, List.of(record));
                deletion.mark(AuditStore.of(own));
            });
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
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (!transaction.isActive()) {
            // An event outside any transaction (rare: sent after completion): record it in one of its own.
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                    own -> writer.insert(own, List.of(record)));
            return;
        }
        pending.add(record);
        if (!enlisted) {
            enlisted = true;
            transaction.enlistPrepare(new InsertAtCommit());
        }
    }

    private void failed(String what, RuntimeException e) {
        failures.record();
        // The exception's class only: messages of persistence errors can quote the values being written.
        LOG.warnf("unify-audit could not record an event (%s): %s; %d events unrecorded since start", what,
                e.getClass().getName(), failures.count());
    }

    @Override
    public void close() {
    }

    /**
     * Runs in the prepare phase of the commit, before the database transaction commits: one insert (one JDBC batch for
     * several records) over the transaction's own connection.
     */
    private final class InsertAtCommit extends AbstractKeycloakTransaction {

        @Override
        protected void commitImpl() {
            if (pending.isEmpty()) {
                return;
            }
            List<AuditRecord> records = List.copyOf(pending);
            pending.clear();
            try {
                writer.insert(session, records);
                if (!deletions.isEmpty()) {
                    AuditStore store = AuditStore.of(session);
                    deletions.values().forEach(deletion -> deletion.mark(store));
                    deletions.clear();
                }
            } catch (RuntimeException e) {
                // The action must not commit without its record: it fails with it.
                failed(records.size() + " records at commit", e);
                throw e;
            }
        }

        @Override
        protected void rollbackImpl() {
            pending.clear();
            deletions.clear();
        }
    }
}
