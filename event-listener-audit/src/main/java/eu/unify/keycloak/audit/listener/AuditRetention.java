package eu.unify.keycloak.audit.listener;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import eu.unify.keycloak.audit.jpa.AuditStore;

/**
 * A realm's retention: the realm attribute {@value #ATTRIBUTE} (days, 0 = forever), else the server default. Set over
 * the audit REST resource ({@code PUT .../unify-audit/settings}) or as a realm attribute in a realm import.
 */
public final class AuditRetention {

    public static final String ATTRIBUTE = "unifyAuditRetentionDays";
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private AuditRetention() {
    }

    /** The realm's retention in days; a missing or unreadable attribute falls back to {@code serverDefault}. */
    public static int days(RealmModel realm, int serverDefault) {
        Integer own = parse(realm.getAttribute(ATTRIBUTE));
        return own == null ? serverDefault : own;
    }

    /** {@code value} as a retention in days, or null if it is not one. */
    public static Integer parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            return days < 0 || days > AuditOptions.MAX_RETENTION_DAYS ? null : days;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Deletes the realm's records past its retention now; returns how many went. */
    public static int purgeExpired(KeycloakSession session, RealmModel realm, int serverDefault) {
        return purgeExpired(AuditStore.of(session), realm.getId(), days(realm, serverDefault));
    }

    /** Deletes the records of the chain of {@code realmId} older than {@code days} (0: none); returns how many went. */
    static int purgeExpired(AuditStore store, String realmId, int days) {
        if (days == 0) {
            return 0;
        }
        return store.purge(realmId, Time.currentTimeMillis() - days * DAY_MILLIS);
    }

    public static int maxDays() {
        return AuditOptions.MAX_RETENTION_DAYS;
    }
}
