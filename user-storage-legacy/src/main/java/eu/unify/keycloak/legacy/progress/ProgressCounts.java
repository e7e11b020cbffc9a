package eu.unify.keycloak.legacy.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

import eu.unify.keycloak.legacy.federation.LegacyUserStorageProviderFactory;
import eu.unify.keycloak.legacy.storage.LegacyStoreUnavailableException;
import eu.unify.keycloak.legacy.storage.WaveCounts;

/**
 * The counts of the progress report ({@link ProgressReport} is its JSON): each enabled legacy store's accounts per wave (and disabled ones), Keycloak's
 * own imported and moved users. For the REST answer and the daily snapshot.
 *
 * @param stores the realm's legacy stores, each with whether it answered
 * @param silent the names of the enabled stores that did not answer
 */
record ProgressCounts(List<ProgressReport.Store> stores, List<String> silent, List<WaveProgress> waves,
                      WaveProgress totals) {

    private static final Logger LOG = Logger.getLogger(ProgressCounts.class);

    boolean complete() {
        return silent.isEmpty();
    }

    static List<ComponentModel> legacyStores(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> LegacyUserStorageProviderFactory.ID.equals(c.getProviderId()))
                .toList();
    }

    static ProgressCounts of(KeycloakSession session, RealmModel realm, LegacyUserStorageProviderFactory factory) {
        List<ComponentModel> legacyStores = legacyStores(realm);
        Map<String, Long> totals = new HashMap<>();
        Map<String, Long> disabled = new HashMap<>();
        List<ProgressReport.Store> described = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (ComponentModel store : legacyStores) {
            boolean enabled = new UserStorageProviderModel(store).isEnabled();
            if (!enabled) {
                described.add(new ProgressReport.Store(store.getId(), store.getName(), false, false, null));
                continue;
            }
            try {
                WaveCounts counts = factory.countByWave(store);
                counts.total().forEach((wave, count) -> totals.merge(wave, count, Long::sum));
                counts.disabled().forEach((wave, count) -> disabled.merge(wave, count, Long::sum));
                described.add(new ProgressReport.Store(store.getId(), store.getName(), true, true, null));
            } catch (LegacyStoreUnavailableException e) {
                LOG.warnf("migration progress of realm %s: no totals from legacy store %s: %s", realm.getName(),
                        store.getName(), e.getMessage());
                silent.add(store.getName());
                described.add(new ProgressReport.Store(store.getId(), store.getName(), true, false,
                        StoreFailure.describe(e)));
            }
        }
        LocalMigrationCounts local = new LocalMigrationCounts(session);
        boolean complete = silent.isEmpty();
        List<WaveProgress> waves = WaveProgress.of(complete ? totals : null, disabled,
                local.imported(realm, legacyStores.stream().map(ComponentModel::getId).toList()), local.moved(realm));
        return new ProgressCounts(described, silent, waves, WaveProgress.sum(waves, complete));
    }
}
