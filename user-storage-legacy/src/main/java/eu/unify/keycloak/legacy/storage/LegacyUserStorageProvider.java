package eu.unify.keycloak.legacy.storage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserRegistrationProvider;
import org.keycloak.storage.user.UserLookupProvider;

import eu.unify.keycloak.legacy.credential.LegacyPasswordCredentials;
import eu.unify.keycloak.legacy.hash.LegacyPasswordVerifier;

/**
 * {@code unify-legacy} for one realm and one request: finds legacy accounts, checks their passwords against the
 * legacy store, and imports an account (linked to this provider) only after its password was confirmed. Public only
 * because Keycloak reads a user storage factory's capabilities (lookup, credentials, ...) from the provider type it
 * declares; built by {@link LegacyStorePools}.
 */
public final class LegacyUserStorageProvider implements UserStorageProvider, UserLookupProvider, CredentialInputValidator,
        ImportedUserValidation, UserRegistrationProvider, LegacyMoveSource {

    static final String UNAVAILABLE_MESSAGE = "unify-legacy-unavailable";
    static final String UNAVAILABLE_EVENT_DETAIL = "legacy_store_unavailable";

    private static final Logger LOG = Logger.getLogger(LegacyUserStorageProvider.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final LegacyStoreConfig config;
    private final LegacyAccountRepository repository;
    private final LegacyPasswordCheck passwordCheck;
    /** Lookups of this request, so one sign-in asks the legacy store once per name. */
    private final Map<String, Optional<LegacyAccount>> seen = new HashMap<>();
    /**
     * The sign-in users of this request by legacy username: the login flow may look its user up again by the
     * federated id after the import, and must then get the same (now imported) user.
     */
    private final Map<String, LegacyUser> signingIn = new HashMap<>();
    /** Accounts of this request whose username the realm's rules refuse. */
    private final Set<String> refused = new HashSet<>();

    LegacyUserStorageProvider(KeycloakSession session, ComponentModel model, LegacyStoreConfig config,
                              LegacyAccountRepository repository, LegacyPasswordCheck passwordCheck) {
        this.session = session;
        this.model = model;
        this.config = config;
        this.repository = repository;
        this.passwordCheck = passwordCheck;
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        StorageId storageId = new StorageId(id);
        if (!model.getId().equals(storageId.getProviderId())) {
            return null;
        }
        LegacyUser known = signingIn.get(storageId.getExternalId());
        if (known != null) {
            return known;
        }
        UserModel found = getUserByUsername(realm, storageId.getExternalId());
        return found != null ? found : movedAccount(realm, storageId.getExternalId());
    }

    /**
     * A sign-in that started before its account moved to an email identity still holds the federated id: it goes on
     * with the moved user (same account, now local), never with a new import.
     */
    private UserModel movedAccount(RealmModel realm, String legacyUsername) {
        return UserStoragePrivateUtil.userLocalStorage(session)
                .searchForUserByUserAttributeStream(realm, LegacyImport.ATTR_USERNAME, legacyUsername)
                .filter(user -> user.getFederationLink() == null)
                .findFirst().orElse(null);
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return cached("u:" + username, () -> repository.findByUsername(config.findByUsernameSql(), username))
                .map(account -> user(realm, account)).orElse(null);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return cached("e:" + email, () -> repository.findByEmail(config.findByEmailSql(), email))
                .map(account -> user(realm, account)).orElse(null);
    }

    private UserModel user(RealmModel realm, LegacyAccount account) {
        LegacyUser known = signingIn.get(account.username());
        if (known != null) {
            return known;
        }
        // Never offer a second copy of an account already imported or moved. One imported by a concurrent sign-in
        // after Keycloak looked locally is that stored user.
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel imported = local.getUserByUsername(realm, LegacyImport.localUsername(account));
        if (imported != null) {
            return model.getId().equals(imported.getFederationLink()) ? imported : null;
        }
        Optional<UserModel> byLegacyName = local.searchForUserByUserAttributeStream(realm, LegacyImport.ATTR_USERNAME,
                account.username()).findAny();
        if (byLegacyName.isPresent()) {
            // Still linked here: imported by a concurrent sign-in between the two lookups, so it is this account.
            // Not linked: moved (or another store's), never offered again.
            return model.getId().equals(byLegacyName.get().getFederationLink()) ? byLegacyName.get() : null;
        }
        if (refused.contains(account.username())) {
            return null;
        }
        Optional<String> refusal = LegacyImport.usernameRefusal(session, account);
        if (refusal.isPresent()) {
            // Not offered at all: the sign-in fails as for an unknown name, the admin learns of it in the log (once).
            refused.add(account.username());
            LegacyImport.logRefused(model, account, refusal.get());
            return null;
        }
        LegacyUser user = new LegacyUser(session, realm, new TransientLegacyUser(session, realm, model, account));
        signingIn.put(account.username(), user);
        return user;
    }

    private Optional<LegacyAccount> cached(String key, Supplier<Optional<LegacyAccount>> lookup) {
        Optional<LegacyAccount> known = seen.get(key);
        if (known == null) {
            known = unavailableIsReported(lookup);
            seen.put(key, known);
        }
        return known;
    }

    /**
     * New users are Keycloak's own: the legacy store is never written to. Null lets Keycloak create the user locally,
     * as if this provider were not there.
     */
    @Override
    public UserModel addUser(RealmModel realm, String username) {
        return null;
    }

    /**
     * Deleting an imported account in Keycloak removes the import only; the legacy row stays, and the account is
     * imported again at its next sign-in (or by "Synchronize all users"). Without this, Keycloak refuses to delete a
     * user linked to a provider that cannot remove users.
     */
    @Override
    public boolean removeUser(RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public UserModel validate(RealmModel realm, UserModel local) {
        // Imported users are checked against the legacy store when they sign in (isValid), not at every lookup.
        return local;
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType);
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType()) || input.getChallengeResponse() == null) {
            return false;
        }
        String legacyUsername = user instanceof LegacyUser legacy ? legacy.account().username()
                : Optional.ofNullable(user.getFirstAttribute(LegacyImport.ATTR_USERNAME)).orElse(user.getUsername());
        Optional<LegacyAccount> current = unavailableIsReported(
                () -> repository.findByUsername(config.findByUsernameSql(), legacyUsername));
        if (current.isEmpty() || !current.get().enabled() || current.get().passwordHash() == null) {
            return false;
        }
        LegacyAccount account = current.get();
        if (!passwordCheck.matches(input.getChallengeResponse(), account.passwordHash(), account.passwordSalt(),
                account.hashAlgorithm())) {
            return false;
        }
        if (user instanceof LegacyUser legacy && !legacy.isImported()) {
            legacy.becomeImported(importConfirmed(realm, account));
        }
        return true;
    }

    /**
     * Imports in a transaction of its own, committed before the sign-in continues: the user exists entirely or not
     * at all, and when two first sign-ins race, the loser finds the winner's user instead of failing.
     */
    private UserModel importConfirmed(RealmModel realm, LegacyAccount account) {
        String realmId = realm.getId();
        String username = LegacyImport.localUsername(account);
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), importing -> {
                RealmModel importRealm = importing.realms().getRealm(realmId);
                importing.getContext().setRealm(importRealm);
                if (UserStoragePrivateUtil.userLocalStorage(importing).getUserByUsername(importRealm, username) == null) {
                    LegacyImport.create(importing, UserStoragePrivateUtil.userLocalStorage(importing), importRealm, model,
                            account);
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("importing %s failed (%s); looking for a concurrent import", account.reference(),
                    e.getClass().getSimpleName());
        }
        UserModel stored = UserStoragePrivateUtil.userLocalStorage(session).getUserByUsername(realm, username);
        if (stored == null) {
            throw new ModelException("legacy account could not be imported");
        }
        LOG.debugf("imported %s into realm %s", account.reference(), realm.getName());
        return stored;
    }

    private <T> T unavailableIsReported(Supplier<T> query) {
        try {
            return query.get();
        } catch (LegacyStoreUnavailableException e) {
            LOG.warnf("legacy user store %s unavailable: %s", model.getName(), e.getMessage());
            if (session.getContext().getAuthenticationSession() != null) {
                // The user reads a translated "temporarily unavailable", not "invalid password": in a browser back on
                // the form they came from (they can try again), elsewhere as Keycloak's error.
                throw new UnavailableDuringSignIn(session, UNAVAILABLE_EVENT_DETAIL, UNAVAILABLE_MESSAGE);
            }
            throw new ModelException("legacy user store unavailable", e);
        }
    }

    // The move to email identities (package eu.unify.keycloak.legacy.move) reads the store through these.

    @Override
    public ComponentModel component() {
        return model;
    }

    @Override
    public Optional<LegacyAccount> account(String legacyUsername) {
        // Not through unavailableIsReported: the move tells the user itself when the legacy store is down.
        String key = "u:" + legacyUsername;
        Optional<LegacyAccount> known = seen.get(key);
        if (known == null) {
            known = repository.findByUsername(config.findByUsernameSql(), legacyUsername);
            seen.put(key, known);
        }
        return known;
    }

    @Override
    public List<LegacyAccount> subAccounts(String mainLegacyUsername) {
        return repository.subAccounts(config.subAccountsSql(), mainLegacyUsername);
    }

    @Override
    public UserModel importAccount(RealmModel realm, LegacyAccount account) {
        return LegacyImport.create(session, UserStoragePrivateUtil.userLocalStorage(session), realm, model, account);
    }

    @Override
    public Optional<PasswordCredentialModel> passwordCredential(LegacyAccount account) {
        if (account.passwordHash() == null) {
            return Optional.empty();
        }
        return LegacyPasswordCredentials.fromLegacy(new LegacyPasswordVerifier(config.bareDigestSettings()),
                account.passwordHash(), account.passwordSalt(), account.hashAlgorithm());
    }

    @Override
    public void close() {
    }
}
