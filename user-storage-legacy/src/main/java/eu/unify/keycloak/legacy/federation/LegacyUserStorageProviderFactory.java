package eu.unify.keycloak.legacy.federation;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.storage.CacheableStorageProviderModel;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportSynchronization;
import org.keycloak.storage.user.SynchronizationResult;

import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.common.logging.ProfileBeanWarnings;
import eu.unify.keycloak.legacy.move.MoveSettings;
import eu.unify.keycloak.legacy.storage.ConnectionTest;
import eu.unify.keycloak.legacy.storage.LegacyStoreConfig;
import eu.unify.keycloak.legacy.storage.LegacyStorePools;
import eu.unify.keycloak.legacy.storage.LegacyUserStorageProvider;
import eu.unify.keycloak.legacy.storage.LegacySync;
import eu.unify.keycloak.legacy.storage.WaveCounts;

/**
 * {@code unify-legacy}: user federation over the legacy application database. The factory only wires: the store's
 * and the move's options, the pools ({@link LegacyStorePools}), the console's connection test ({@link ConnectionTest})
 * and "Synchronize all users" ({@link LegacySync}). It sits above both {@code storage} and {@code move}, so neither
 * of those depends on the other's configuration. Its type parameter must stay the concrete provider: Keycloak reads
 * what the provider can do (lookup, credential validation, import validation, ...) from it.
 */
public final class LegacyUserStorageProviderFactory implements UserStorageProviderFactory<LegacyUserStorageProvider>,
        ImportSynchronization, ServerInfoAwareProviderFactory {

    public static final String ID = LegacyStoreConfig.PROVIDER_ID;

    /** The store's options, then the move's (eu.unify.keycloak.legacy.move). */
    private static final List<ProviderConfigProperty> PROPERTIES =
            Stream.concat(LegacyStoreConfig.PROPERTIES.stream(), MoveSettings.PROPERTIES.stream()).toList();

    private final LegacyStorePools pools = new LegacyStorePools();
    private final LegacySync sync = new LegacySync(pools);
    /** Held so the quietened loggers (weakly referenced by java.util.logging) keep their level. */
    private List<java.util.logging.Logger> quietened = List.of();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Unify: users of the legacy application database sign in with their legacy username and password; "
                + "each account is imported on its first successful sign-in and stays linked to the legacy store.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public LegacyUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return pools.provider(session, model);
    }

    /** The pools of this node's legacy stores, for the progress report and the admin's tools. */
    public LegacyStorePools pools() {
        return pools;
    }

    /**
     * The console's save is the connection test, the move's options included. It also switches the user cache off
     * for this provider: accounts not yet imported exist only for one request and must never be cached.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        MoveSettings move = MoveSettings.of(model);
        ConnectionTest.run(session, realm, model, move.problems(), !move.waves().isEmpty());
        model.getConfig().putSingle(CacheableStorageProviderModel.CACHE_POLICY,
                CacheableStorageProviderModel.CachePolicy.NO_CACHE.name());
    }

    /** @see LegacyStorePools#countByWave */
    public WaveCounts countByWave(ComponentModel model) {
        return pools.countByWave(model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        pools.close(oldModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        pools.close(model.getId());
    }

    @Override
    public SynchronizationResult sync(KeycloakSessionFactory sessionFactory, String realmId,
                                      UserStorageProviderModel model) {
        return sync.run(sessionFactory, realmId, model);
    }

    @Override
    public SynchronizationResult syncSince(Date lastSync, KeycloakSessionFactory sessionFactory, String realmId,
                                           UserStorageProviderModel model) {
        // The legacy schema has no change timestamps in the contract; a full sync is cheap and idempotent.
        return sync.run(sessionFactory, realmId, model);
    }

    /** Keycloak's warnings about the multi-valued legacy rights would name the user (see ProfileBeanWarnings). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        quietened = ProfileBeanWarnings.quieten();
    }

    @Override
    public void close() {
        pools.close();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
