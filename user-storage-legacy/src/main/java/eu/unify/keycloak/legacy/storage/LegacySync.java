package eu.unify.keycloak.legacy.storage;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.FlushModeType;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * "Synchronize all users": imports every legacy account not yet in Keycloak, a page per transaction, without any
 * password work. Accounts already imported or moved (found by username or {@code legacy_username}) are left exactly
 * as they are, so running it again changes nothing.
 */
public final class LegacySync {

    private static final Logger LOG = Logger.getLogger(LegacySync.class);

    /**
     * Accounts imported per transaction. Keycloak flushes its persistence context for every user it creates, so a
     * transaction's cost grows with the square of its users: small chunks keep it linear (measured: bench/README.md,
     * unify-legacy-sync).
     */
    private static final int IMPORT_CHUNK = 50;

    private final LegacyStorePools pools;

    public LegacySync(LegacyStorePools pools) {
        this.pools = pools;
    }

    /** Imports what is new in the store {@code model} into the realm {@code realmId}. */
    public SynchronizationResult run(KeycloakSessionFactory sessionFactory, String realmId,
                                     UserStorageProviderModel model) {
        LegacyStoreConfig config = LegacyStoreConfig.of(model);
        LegacyAccountRepository repository = pools.repository(model, config);
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
     * flushes once per created user, which is why a chunk is small). Two accounts of one chunk that clash (same
     * username in another case, same email) then fail the chunk at the commit, and it is retried account by account,
     * where the checks see each other.
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
}
