package eu.unify.keycloak.legacy.progress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import eu.unify.keycloak.legacy.LegacyAttributes;

/**
 * Counts, per wave, the realm's users that came from a legacy store: still linked ("imported") and moved. One
 * grouped query each over Keycloak's user tables, so 100,000 users are counted without loading one of them.
 */
final class LocalMigrationCounts {

    private static final String IMPORTED = "select w.value, count(distinct u.id) from UserEntity u "
            + "left join u.attributes w on w.name = :wave "
            + "where u.realmId = :realm and u.federationLink in :stores group by w.value";
    private static final String MOVED = "select w.value, count(distinct u.id) from UserEntity u "
            + "left join u.attributes w on w.name = :wave "
            + "where u.realmId = :realm and u.federationLink is null and exists ("
            + "select a.id from UserAttributeEntity a where a.user = u and a.name = :legacyUsername) "
            + "group by w.value";

    private final EntityManager em;

    LocalMigrationCounts(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Users linked to one of {@code storeIds}, per wave. */
    Map<String, Long> imported(RealmModel realm, List<String> storeIds) {
        if (storeIds.isEmpty()) {
            return Map.of();
        }
        return perWave(em.createQuery(IMPORTED, Object[].class)
                .setParameter("wave", LegacyAttributes.WAVE)
                .setParameter("realm", realm.getId())
                .setParameter("stores", storeIds)
                .getResultList());
    }

    /** Users without a federation link that carry a legacy username, per wave. */
    Map<String, Long> moved(RealmModel realm) {
        return perWave(em.createQuery(MOVED, Object[].class)
                .setParameter("wave", LegacyAttributes.WAVE)
                .setParameter("realm", realm.getId())
                .setParameter("legacyUsername", LegacyAttributes.USERNAME)
                .getResultList());
    }

    private static Map<String, Long> perWave(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            String wave = row[0] == null || row[0].toString().isBlank() ? null : row[0].toString().trim();
            counts.merge(wave, ((Number) row[1]).longValue(), Long::sum);
        }
        return counts;
    }
}
