package eu.unify.keycloak.audit.listener;

import java.util.Comparator;
import java.util.Optional;

import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

import eu.unify.keycloak.audit.jpa.AuditStore;

/**
 * A realm's retention, from the first of:
 * <ol>
 * <li>the admin console's <em>Audit trail</em> tab of the realm settings: a realm component of type
 * {@value #TAB_TYPE} and provider {@value #TAB_ID}, field {@value #TAB_FIELD} (empty: the server default);</li>
 * <li>the realm attribute {@value #ATTRIBUTE}, as realms had it before the tab (kept for realm exports; moved into the
 * tab when the realm is imported or the server starts, see the tab's factory);</li>
 * <li>the server default ({@code --spi-events-listener--unify-audit--retention-days}).</li>
 * </ol>
 * {@code PUT .../unify-audit/settings} writes the tab's component, so the console and the REST API show one value.
 */
public final class AuditRetention {

    public static final String ATTRIBUTE = "unifyAuditRetentionDays";
    /** The component type of admin console tabs (Keycloak's {@code ui-tab} SPI). */
    public static final String TAB_TYPE = UiTabProvider.class.getName();
    /** The tab's provider id: also its title's message key. */
    public static final String TAB_ID = "unify-audit";
    /** The tab's retention field: the config key of the component. */
    public static final String TAB_FIELD = "retentionDays";
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private AuditRetention() {
    }

    /** Where a realm's own retention is kept. */
    public enum Store {
        /** The admin console tab's component. */
        CONSOLE,
        /** The realm attribute {@value #ATTRIBUTE}, read only for realms without the tab's component. */
        ATTRIBUTE,
        /** Nowhere: the server default applies. */
        NONE
    }

    /** A realm's own retention ({@code null}: the server default) and where it is kept. */
    public record Setting(Integer days, Store store) {

        public int daysOr(int serverDefault) {
            return days == null ? serverDefault : days;
        }
    }

    /** The realm's retention in days; none of its own (or an unreadable one) falls back to {@code serverDefault}. */
    public static int days(RealmModel realm, int serverDefault) {
        return setting(realm).daysOr(serverDefault);
    }

    /** The realm's own retention and where it is kept. */
    public static Setting setting(RealmModel realm) {
        Optional<ComponentModel> tab = tab(realm);
        return setting(tab, tab.isPresent() ? null : realm.getAttribute(ATTRIBUTE));
    }

    /** The precedence itself: the tab's component if there is one, else the attribute, else none. */
    static Setting setting(Optional<ComponentModel> tab, String attribute) {
        if (tab.isPresent()) {
            // The component rules once it exists, also with an empty field (the server default).
            return new Setting(parse(tab.get().get(TAB_FIELD)), Store.CONSOLE);
        }
        Integer own = parse(attribute);
        return own == null ? new Setting(null, Store.NONE) : new Setting(own, Store.ATTRIBUTE);
    }

    /**
     * The realm's tab component. Only one is allowed (the tab's factory refuses a second); should two exist anyway
     * (written to the database by hand, two nodes migrating at once), the one with the lowest id counts.
     */
    public static Optional<ComponentModel> tab(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), TAB_TYPE)
                .filter(component -> TAB_ID.equals(component.getProviderId()))
                .min(Comparator.comparing(ComponentModel::getId));
    }

    /** Whether this server has the tab (Keycloak's ui-tab SPI is on only with the feature {@code declarative-ui}). */
    public static boolean tabDeployed(KeycloakSession session) {
        return session.getKeycloakSessionFactory().getProviderFactory(UiTabProvider.class, TAB_ID) != null;
    }

    /**
     * Sets the realm's own retention ({@code null}: the server default), where the console shows it: in the tab's
     * component, created if the realm has none yet (the tab's factory validates it and drops the old attribute).
     * Without the tab on this server, in the realm attribute, as before.
     *
     * @throws IllegalStateException if the realm's retention is in a tab component that this server cannot write
     *                               (the tab was used, then {@code declarative-ui} switched off)
     */
    public static void set(KeycloakSession session, RealmModel realm, Integer days) {
        String value = days == null ? "" : days.toString();
        Optional<ComponentModel> tab = tab(realm);
        if (tabDeployed(session)) {
            if (tab.isPresent()) {
                ComponentModel changed = new ComponentModel(tab.get());
                changed.getConfig().putSingle(TAB_FIELD, value);
                realm.updateComponent(changed);
            } else {
                realm.addComponentModel(newTab(realm, value));
            }
        } else if (tab.isPresent()) {
            throw new IllegalStateException("the realm's retention is set in the admin console tab '" + TAB_ID
                    + "', which this server cannot change: it runs without the feature declarative-ui");
        } else if (days == null) {
            realm.removeAttribute(ATTRIBUTE);
        } else {
            realm.setAttribute(ATTRIBUTE, value);
        }
    }

    /**
     * Moves a realm's retention attribute (from before the tab) into the tab, so that the console shows the value that
     * applies. A realm that has the tab already only loses the attribute, which no longer applied. Needs the tab.
     *
     * @return whether the realm had the attribute
     */
    public static boolean moveAttributeIntoTab(RealmModel realm) {
        String attribute = realm.getAttribute(ATTRIBUTE);
        if (attribute == null) {
            return false;
        }
        if (tab(realm).isEmpty()) {
            // An unreadable value meant the server default; an empty field means the same.
            Integer days = parse(attribute);
            realm.addComponentModel(newTab(realm, days == null ? "" : days.toString()));
        }
        realm.removeAttribute(ATTRIBUTE);
        return true;
    }

    private static ComponentModel newTab(RealmModel realm, String value) {
        ComponentModel tab = new ComponentModel();
        tab.setName(TAB_ID);
        tab.setProviderType(TAB_TYPE);
        tab.setProviderId(TAB_ID);
        tab.setParentId(realm.getId());
        tab.getConfig().putSingle(TAB_FIELD, value);
        return tab;
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
