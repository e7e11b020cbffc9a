package eu.unify.keycloak.legacy.storage;

import java.util.List;
import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStorageProvider;

/**
 * What the move to email identities ({@code eu.unify.keycloak.legacy.move}) needs from one configured legacy store:
 * its accounts, their sub-accounts, the import of an account not yet in Keycloak, and a legacy hash as a Keycloak
 * credential. Queries throw {@link LegacyStoreUnavailableException} when the legacy database does not answer.
 */
public interface LegacyMoveSource {

    /** User attribute with the legacy username, as imported. */
    String ATTR_USERNAME = LegacyImport.ATTR_USERNAME;
    /** User attribute with the main account's legacy username; absent on a main account. */
    String ATTR_MAIN_ACCOUNT = LegacyImport.ATTR_MAIN_ACCOUNT;
    /** User attribute with the legacy migration wave, as imported. */
    String ATTR_WAVE = LegacyImport.ATTR_WAVE;

    /** The component this source reads. */
    ComponentModel component();

    /** The legacy row of {@code legacyUsername}, fresh from the legacy database. */
    Optional<LegacyAccount> account(String legacyUsername);

    /** The legacy rows of the sub-accounts of the main account {@code mainLegacyUsername}. */
    List<LegacyAccount> subAccounts(String mainLegacyUsername);

    /** Imports {@code account} as a user linked to this store, in the session's current transaction. */
    UserModel importAccount(RealmModel realm, LegacyAccount account);

    /** The account's legacy hash as a Keycloak password credential; empty without a usable hash. */
    Optional<PasswordCredentialModel> passwordCredential(LegacyAccount account);

    /**
     * The legacy store a user is linked to, if it is a {@code unify-legacy} store; empty for Keycloak's own users,
     * users of other federations and users already moved.
     */
    static Optional<LegacyMoveSource> of(KeycloakSession session, RealmModel realm, UserModel user) {
        String link = user == null ? null : user.getFederationLink();
        if (link == null) {
            return Optional.empty();
        }
        ComponentModel component = realm.getComponent(link);
        if (component == null || !LegacyStoreConfig.PROVIDER_ID.equals(component.getProviderId())) {
            return Optional.empty();
        }
        UserStorageProvider provider = session.getProvider(UserStorageProvider.class, component);
        return provider instanceof LegacyMoveSource source ? Optional.of(source) : Optional.empty();
    }
}
