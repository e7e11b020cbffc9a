package eu.unify.keycloak.legacy.storage;

import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * A legacy account during a sign-in, before it is imported. It is read-only and lives only in this request, with the
 * federated id {@code f:<component>:<username>} (so brute-force protection counts its failures without a stored
 * user). When its password is confirmed, the account is imported and this object turns into the imported user: the
 * login flow, which already holds it, then continues with the stored user and its real id.
 */
final class LegacyUser extends UserModelDelegate {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LegacyAccount account;
    private boolean imported;

    LegacyUser(KeycloakSession session, RealmModel realm, TransientLegacyUser transientUser) {
        super(transientUser);
        this.session = session;
        this.realm = realm;
        this.account = transientUser.account();
    }

    LegacyAccount account() {
        return account;
    }

    boolean isImported() {
        return imported;
    }

    void becomeImported(UserModel stored) {
        this.delegate = stored;
        this.imported = true;
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        // Before the import, credential checks must reach the provider with this object, so it can switch it over.
        return imported ? delegate.credentialManager()
                : new UserCredentialManager(session, realm, this);
    }
}
