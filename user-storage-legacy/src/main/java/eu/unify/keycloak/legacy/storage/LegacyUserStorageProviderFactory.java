package eu.unify.keycloak.legacy.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.persistence.FlushModeType;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.storage.CacheableStorageProviderModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportSynchronization;
import org.keycloak.storage.user.SynchronizationResult;

import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.common.logging.ProfileBeanWarnings;
import eu.unify.keycloak.legacy.hash.LegacyPasswordVerifier;
import eu.unify.keycloak.legacy.rights.LegacyRights;
import eu.unify.keycloak.legacy.move.MoveSettings;

/**
 * {@code unify-legacy}: user federation over the legacy application database. Wires the object graph (pool,
 * repository, password check) per configured component; the provider itself is a thin per-request adapter.
 */
public final class LegacyUserStorageProviderFactory implements UserStorageProviderFactory<LegacyUserStorageProvider>,
        ImportSynchronization, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-legacy";

    private static final Logger LOG = Logger.getLogger(LegacyUserStorageProviderFactory.class);

    private List<java.util.logging.Logger> quietened = List.of();
    /**
     * Accounts imported per transaction by "Synchronize all users". Keycloak flushes its persistence context for
     * every user it creates, so a transaction's cost grows with the square of its users: small chunks keep it
     * linear (measured: bench/README.md, unify-legacy-sync).
     */
    private static final int IMPORT_CHUNK = 50;

    /** The store's options, then the move's (eu.unify.keycloak.legacy.move). */
    private static final List<ProviderConfigProperty> PROPERTIES =
            Stream.concat(LegacyStoreConfig.PROPERTIES.stream(), MoveSettings.PROPERTIES.stream()).toList();

    /** One pool per component and connection settings; replaced (and the old one closed) when they change. */
    private final Map<String, PoolEntry> pools = new ConcurrentHashMap<>();

    private record PoolEntry(String fingerprint, ConnectionPool pool) {
    }

    public LegacyUserStorageProviderFactory() {
    }

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
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        LegacyPasswordCheck passwordCheck = new LegacyPasswordVerifier(config.bareDigestSettings())::matches;
        return new LegacyUserStorageProvider(session, model, config, repository(model, config), passwordCheck);
    }

    private LegacyAccountRepository repository(ComponentModel model, LegacyStoreConfig config) {
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

    private static JdbcConnector connector(LegacyStoreConfig config) {
        return new JdbcConnector(config.jdbcUrl(), config.user(), config.password(), config.connectTimeout(),
                config.queryTimeout().multipliedBy(2));
    }

    /**
     * The console's save is the connection test: it connects, runs the four queries and checks their columns, and
     * explains what is wrong, also in the move's options. It also switches the user cache off for this provider:
     * accounts not yet imported exist only for one request and must never be cached.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        if (config.jdbcUrl().isEmpty()) {
            throw invalid("Enter the JDBC URL of the legacy database.");
        }
        if (JdbcConnector.Vendor.of(config.jdbcUrl()) == null) {
            throw invalid("The JDBC URL must start with jdbc:postgresql:, jdbc:mariadb:, "
                    + "jdbc:mysql: or jdbc:sqlserver:.");
        }
        List<String> problems = new ArrayList<>(LegacyRights.problems(session, realm, config.rightsMapping()));
        NamedSql byUsername = parse("Query 'find by username'", config.findByUsernameSql(),
                Set.of(LegacyAccountRepository.PARAM_USERNAME), problems);
        NamedSql byEmail = config.findByEmailSql().isEmpty() ? null : parse("Query 'find by email'",
                config.findByEmailSql(), Set.of(LegacyAccountRepository.PARAM_EMAIL), problems);
        NamedSql listAll = parse("Query 'list all'", config.listAllSql(),
                Set.of(LegacyAccountRepository.PARAM_LIMIT, LegacyAccountRepository.PARAM_OFFSET), problems);
        NamedSql countByWave = config.countByWaveSqlGiven()
                ? parse("Query 'count by wave'", config.countByWaveSql(), Set.of(), problems) : null;
        NamedSql subAccounts = parse("Query 'sub-accounts'", config.subAccountsSql(),
                Set.of(LegacyAccountRepository.PARAM_MAIN_ACCOUNT), problems);
        problems.addAll(MoveSettings.of(model).problems());
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        try (ConnectionPool pool = new ConnectionPool(connector(config), 1, config.connectTimeout())) {
            try (ConnectionPool.Lease lease = pool.borrow()) {
                lease.connection().getMetaData();
            } catch (SQLException e) {
                throw invalid("Cannot connect to the legacy database: " + e.getMessage());
            }
            LegacyAccountRepository repository = new LegacyAccountRepository(pool,
                    (int) config.queryTimeout().toSeconds());
            Set<String> lookupColumns = Set.of(LegacyColumns.USERNAME, LegacyColumns.PASSWORD_HASH);
            problems.addAll(check(repository, "Query 'find by username'", byUsername,
                    Map.of(LegacyAccountRepository.PARAM_USERNAME, ""), lookupColumns));
            if (byEmail != null) {
                problems.addAll(check(repository, "Query 'find by email'", byEmail,
                        Map.of(LegacyAccountRepository.PARAM_EMAIL, ""), lookupColumns));
            }
            problems.addAll(check(repository, "Query 'list all'", listAll,
                    Map.of(LegacyAccountRepository.PARAM_LIMIT, 1, LegacyAccountRepository.PARAM_OFFSET, 0),
                    Set.of(LegacyColumns.USERNAME)));
            if (countByWave != null) {
                problems.addAll(checkCountByWave(repository, countByWave));
            }
            // Only the move reads sub-accounts: a store that predates the option and moves nobody is not held up.
            if (!MoveSettings.of(model).waves().isEmpty() || config.hasSubAccountsSql()) {
                problems.addAll(check(repository, "Query 'sub-accounts'", subAccounts,
                        Map.of(LegacyAccountRepository.PARAM_MAIN_ACCOUNT, ""), Set.of(LegacyColumns.USERNAME)));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        model.getConfig().putSingle(CacheableStorageProviderModel.CACHE_POLICY,
                CacheableStorageProviderModel.CachePolicy.NO_CACHE.name());
    }

    /**
     * The console runs the message through MessageFormat (quotes and braces are syntax there), so the text goes in
     * as a parameter and reaches the admin exactly as written.
     */
    private static ComponentValidationException invalid(String text) {
        return new ComponentValidationException("{0}", text);
    }

    private static NamedSql parse(String name, String sql, Set<String> allowed, List<String> problems) {
        try {
            return NamedSql.parse(sql, allowed);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
            return null;
        }
    }

    private static List<String> check(LegacyAccountRepository repository, String name, NamedSql query,
                                      Map<String, Object> values, Set<String> required) {
        try {
            return LegacyColumns.problems(name, repository.columnsOf(name, query, values), required);
        } catch (LegacyStoreUnavailableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return List.of(name + " failed: " + cause.getMessage());
        }
    }

    private static List<String> checkCountByWave(LegacyAccountRepository repository, NamedSql query) {
        String name = "Query 'count by wave'";
        List<String> labels;
        try {
            labels = repository.columnsOf(name, query, Map.of());
        } catch (LegacyStoreUnavailableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return List.of(name + " failed: " + cause.getMessage());
        }
        List<String> found = labels.stream().map(label -> label == null ? "" : label.toLowerCase(java.util.Locale.ROOT))
                .sorted().toList();
        if (found.equals(List.of(LegacyAccountRepository.COUNT_TOTAL, LegacyAccountRepository.COUNT_WAVE))) {
            return List.of();
        }
        return List.of(name + " must return exactly the columns wave and total (use AS to rename), but returns: "
                + String.join(", ", labels));
    }

    /**
     * Legacy accounts per wave in the store of {@code model}, by its "count by wave" query; the key is null for
     * accounts without a wave. For the migration progress report.
     *
     * @throws LegacyStoreUnavailableException when the legacy database does not answer in time
     */
    public Map<String, Long> countByWave(ComponentModel model) {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        return repository(model, config).countByWave(config.countByWaveSql());
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        closePool(oldModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        closePool(model.getId());
    }

    private void closePool(String componentId) {
        PoolEntry entry = pools.remove(componentId);
        if (entry != null) {
            entry.pool().close();
        }
    }

    /**
     * "Synchronize all users": imports every legacy account not yet in Keycloak, a page per transaction, without any
     * password work. Accounts already imported or moved (found by username or {@code legacy_username}) are left
     * exactly as they are, so running it again changes nothing.
     */
    @Override
    public SynchronizationResult sync(KeycloakSessionFactory sessionFactory, String realmId,
                                      UserStorageProviderModel model) {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        LegacyAccountRepository repository = repository(model, config);
        SynchronizationResult result = new SynchronizationResult();
        int batch = config.syncBatchSize();
        int offset = 0;
        while (true) {
            List<LegacyAccount> page;
            try {
                page = repository.page(config.listAllSql(), offset, batch);
            } catch (LegacyStoreUnavailableException e) {
                // Pages already imported stay; running the sync again continues where it is needed.
                LOG.warnf("legacy sync of %s stopped at offset %d: %s", model.getName(), offset, e.getMessage());
                throw new ModelException("The legacy database did not answer; " + result.getAdded()
                        + " accounts were imported before it stopped. Run the synchronization again later.");
            }
            if (page.isEmpty()) {
                break;
            }
            for (int from = 0; from < page.size(); from += IMPORT_CHUNK) {
                importChunk(sessionFactory, realmId, model, page.subList(from, Math.min(page.size(),
                        from + IMPORT_CHUNK)), result);
            }
            offset += page.size();
            if (page.size() < batch) {
                break;
            }
        }
        LOG.infof("legacy sync of %s: %s", model.getName(), result.getStatus());
        return result;
    }

    /**
     * Imports one chunk of a page in one transaction. If the chunk fails (one bad row, or two accounts of the chunk
     * that clash), it is retried account by account, so one bad row costs only itself.
     */
    private static void importChunk(KeycloakSessionFactory sessionFactory, String realmId, ComponentModel model,
                                    List<LegacyAccount> chunk, SynchronizationResult result) {
        SynchronizationResult chunkResult = new SynchronizationResult();
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                flushAtCommit(session);
                chunk.forEach(account -> importIfNew(session, realmId, model, account, chunkResult));
            });
            result.add(chunkResult);
            return;
        } catch (RuntimeException e) {
            LOG.warnf("legacy sync: a chunk of %d accounts failed (%s); retrying account by account", chunk.size(),
                    e.getClass().getSimpleName());
        }
        for (LegacyAccount account : chunk) {
            try {
                SynchronizationResult single = new SynchronizationResult();
                KeycloakModelUtils.runJobInTransaction(sessionFactory, session ->
                        importIfNew(session, realmId, model, account, single));
                result.add(single);
            } catch (RuntimeException single) {
                LOG.warnf("legacy sync: %s not imported (%s)", account.reference(),
                        single.getClass().getSimpleName());
                result.increaseFailed();
            }
        }
    }

    /**
     * A chunk's existence checks are queries; with JPA's default flush mode each of them first flushes every user
     * created so far in its transaction. The chunk's users are written at its commit instead (Keycloak itself still
     * flushes once per created user, which is why a chunk is small). Two accounts of one chunk that clash (same username
     * in another case, same email) then fail the chunk at the commit, and it is retried account by account, where
     * the checks see each other.
     */
    private static void flushAtCommit(KeycloakSession session) {
        JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
        if (jpa != null) {
            jpa.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        }
    }

    private static void importIfNew(KeycloakSession session, String realmId, ComponentModel model,
                                    LegacyAccount account, SynchronizationResult result) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        if (local.getUserByUsername(realm, LegacyImport.localUsername(account)) != null
                || local.searchForUserByUserAttributeStream(realm, LegacyImport.ATTR_USERNAME, account.username())
                        .findAny().isPresent()) {
            return;
        }
        Optional<String> refused = LegacyImport.usernameRefusal(session, account);
        if (refused.isPresent()) {
            // Counted as failed, so the console's result shows it; the log says which account, by reference.
            LegacyImport.logRefused(model, account, refused.get());
            result.increaseFailed();
            return;
        }
        LegacyImport.create(session, local, realm, model, account);
        result.increaseAdded();
    }

    @Override
    public SynchronizationResult syncSince(Date lastSync, KeycloakSessionFactory sessionFactory, String realmId,
                                           UserStorageProviderModel model) {
        // The legacy schema has no change timestamps in the contract; a full sync is cheap and idempotent.
        return sync(sessionFactory, realmId, model);
    }

    /** Keycloak's warnings about the multi-valued legacy rights would name the user (see ProfileBeanWarnings). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        quietened = ProfileBeanWarnings.quieten();
    }

    @Override
    public void close() {
        pools.values().forEach(entry -> entry.pool().close());
        pools.clear();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
