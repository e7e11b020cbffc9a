package eu.unify.keycloak.audit.listener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.audit.jpa.AuditStore;
import eu.unify.keycloak.audit.jpa.RecordWriter;
import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.common.scheduled.OncePerClusterTask;

/**
 * The event listener {@value #ID}: enabled per realm (Realm settings → Events → Event listeners), it keeps every user
 * and admin event of the realm as a hash-chained audit record in Keycloak's database.
 */
public final class AuditEventListenerProviderFactory
        implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-audit";

    private AuditOptions options = AuditOptions.DEFAULTS;
    private final AuditFailures failures = new AuditFailures();
    private final RecordWriter writer = new RecordWriter();
    private AuditSealer sealer;
    private AuditCheckpoints checkpoints;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListenerProvider(session, options, failures, writer);
    }

    @Override
    public void init(Config.Scope config) {
        options = AuditOptions.from(config);
    }

    /** With {@code all-realms} on, Keycloak hands this listener the events of every realm. */
    @Override
    public boolean isGlobal() {
        return options.allRealms();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                realmRemoved(removed.getKeycloakSession(), removed.getRealm());
            }
        });
        checkpoints = new AuditCheckpoints(factory);
        sealer = new AuditSealer(factory, options, checkpoints);
        sealer.start();
        // Once per interval across the cluster: every node's timer fires it, one node runs it.
        OncePerClusterTask.schedule(factory, new PurgeExpiredRecordsTask(options.defaultRetentionDays()),
                options.purgeIntervalMinutes() * 60_000L);
    }

    /**
     * A deleted realm's trail is kept, not deleted with it: an audit trail that an admin can make vanish by deleting
     * the realm would not be one. It ends with a record of the deletion and is purged by the realm's retention then.
     */
    private void realmRemoved(KeycloakSession session, RealmModel realm) {
        if (!AuditStore.of(session).hasTrail(realm.getId())) {
            return;
        }
        int days;
        try {
            days = AuditRetention.days(realm, options.defaultRetentionDays());
        } catch (RuntimeException attributesGone) {
            // The realm's entity is already removed; its attributes are normally still loaded, but not guaranteed.
            days = options.defaultRetentionDays();
        }
        ((AuditEventListenerProvider) session.getProvider(EventListenerProvider.class, ID)).realmDeleted(realm, days);
    }

    /** The server default retention, for the REST resource. */
    public int defaultRetentionDays() {
        return options.defaultRetentionDays();
    }

    /** Whether successful token requests are recorded (server option {@code record-token-requests}). */
    public boolean recordsTokenRequests() {
        return options.recordTokenRequests();
    }

    public long failures() {
        return failures.count();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AuditOptions.metadata();
    }

    @Override
    public void close() {
        if (sealer != null) {
            sealer.stop();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(UnifyVersion.operationalInfo());
        info.put("unrecordedEvents", Long.toString(failures.count()));
        if (sealer != null) {
            info.putAll(new TreeMap<>(sealer.statistics()));
        }
        return info;
    }
}
