package eu.unify.keycloak.audit.record;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One audit record as stored. {@code seq}, {@code prevHash} and {@code hash} are set when the record is appended to
 * its realm's chain; before that they are 0 and null ({@link #unchained()}).
 *
 * @param kind         {@link #USER} or {@link #ADMIN}
 * @param type         Keycloak's user event type (e.g. {@code LOGIN_ERROR}), or {@code ADMIN_<resource>_<operation>}
 * @param outcome      {@link #SUCCESS} or {@link #FAILURE}
 * @param details      allow-listed details only (see {@link DetailAllowList}), sorted by key
 */
public record AuditRecord(String id, String realmId, long seq, long time, String kind, String type, String outcome,
                          String error, String userId, String username, String clientId, String ipAddress,
                          String sessionId, String resourceType, String resourcePath, SortedMap<String, String> details,
                          String prevHash, String hash) {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details == null ? Map.of() : details));
    }

    /** A record not yet in a chain. */
    public static AuditRecord unchained(String id, String realmId, long time, String kind, String type, String error,
                                        String userId, String username, String clientId, String ipAddress,
                                        String sessionId, String resourceType, String resourcePath,
                                        Map<String, String> details) {
        // Cut to the column sizes here, before hashing: a 300-character username typed on the login page must
        // neither fail the insert nor make the stored record differ from the hashed one.
        return new AuditRecord(id, realmId, 0, time, kind, cut(type, 64), error == null ? SUCCESS : FAILURE,
                cut(error, 255), cut(userId, 255), cut(username, 255), cut(clientId, 255), cut(ipAddress, 255),
                cut(sessionId, 255), cut(resourceType, 64), cut(resourcePath, 1024),
                details == null ? null : new TreeMap<>(details), null, null);
    }

    static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** This record as link {@code seq} of its chain, following the record whose hash is {@code prevHash}. */
    public AuditRecord chained(long seq, String prevHash) {
        AuditRecord linked = new AuditRecord(id, realmId, seq, time, kind, type, outcome, error, userId, username,
                clientId, ipAddress, sessionId, resourceType, resourcePath, details, prevHash, null);
        return new AuditRecord(id, realmId, seq, time, kind, type, outcome, error, userId, username, clientId,
                ipAddress, sessionId, resourceType, resourcePath, details, prevHash, AuditChain.hash(linked));
    }
}
