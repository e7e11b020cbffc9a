package eu.unify.keycloak.legacy.storage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.legacy.hash.BareDigestSettings;
import eu.unify.keycloak.legacy.hash.LegacyPasswordVerifier;

/**
 * The connection pools of the configured legacy stores, one per component and connection settings: a pool is
 * replaced (and the old one closed) when the settings change. Owned by the {@code unify-legacy} factory, which lives
 * as long as the server; everything that reads a legacy store (sign-in, sync, progress, the admin's tools) borrows
 * from here, so a store never has two pools on one node.
 */
public final class LegacyStorePools implements AutoCloseable {

    private final Map<String, PoolEntry> pools = new ConcurrentHashMap<>();

    private record PoolEntry(String fingerprint, ConnectionPool pool) {
    }

    /** The per-request provider of the store {@code model}. */
    public LegacyUserStorageProvider provider(KeycloakSession session, ComponentModel model) {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        LegacyPasswordCheck passwordCheck = new LegacyPasswordVerifier(config.bareDigestSettings())::matches;
        return new LegacyUserStorageProvider(session, model, config, repository(model, config), passwordCheck);
    }

    /**
     * Legacy accounts per wave in the store of {@code model}, and the disabled ones, by its "count by wave" query.
     * For the migration progress report.
     *
     * @throws LegacyStoreUnavailableException when the legacy database does not answer in time
     */
    public WaveCounts countByWave(ComponentModel model) {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        return repository(model, config).countByWave(config.countByWaveSql());
    }

    /**
     * The legacy row of {@code username} by the store's "find by username" query, with its hash: for the admin's
     * hash check only; sign-in goes through the provider.
     *
     * @throws LegacyStoreUnavailableException when the legacy database does not answer in time
     */
    public Optional<LegacyAccount> findByUsername(ComponentModel model, String username) {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        return repository(model, config).findByUsername(config.findByUsernameSql(), username);
    }

    /** How the store reads bare digests (its "Plain digests" options). */
    public BareDigestSettings digestSettings(ComponentModel model) {
        return LegacyStoreConfig.of(model).bareDigestSettings();
    }

    LegacyAccountRepository repository(ComponentModel model, LegacyStoreConfig config) {
        return new LegacyAccountRepository(pool(model, config), (int) config.queryTimeout().toSeconds());
    }

    private ConnectionPool pool(ComponentModel model, LegacyStoreConfig config) {
        String fingerprint = config.poolFingerprint();
        PoolEntry entry = pools.compute(model.getId(), (id, existing) -> {
            if (existing != null && existing.fingerprint().equals(fingerprint)) {
                return existing;
            }
            if (existing != null) {
                existing.pool().close();
            }
            return new PoolEntry(fingerprint, new ConnectionPool(connector(config), config.poolSize(),
                    config.connectTimeout()));
        });
        return entry.pool();
    }

    static JdbcConnector connector(LegacyStoreConfig config) {
        return new JdbcConnector(config.jdbcUrl(), config.user(), config.password(), config.connectTimeout(),
                config.queryTimeout().multipliedBy(2));
    }

    /** Closes the pool of a store whose settings changed or that was removed; the next use opens a new one. */
    public void close(String componentId) {
        PoolEntry entry = pools.remove(componentId);
        if (entry != null) {
            entry.pool().close();
        }
    }

    @Override
    public void close() {
        pools.values().forEach(entry -> entry.pool().close());
        pools.clear();
    }
}
