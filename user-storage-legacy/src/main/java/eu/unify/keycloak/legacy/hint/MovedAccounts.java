package eu.unify.keycloak.legacy.hint;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.common.mask.EmailMask;
import eu.unify.keycloak.legacy.storage.LocalLegacyUsers;

/**
 * Finds the account that an old legacy username belongs to after the move: a Keycloak-local user (no federation
 * link) whose {@code legacy_username} is the name typed. Only Keycloak's own database is asked, never the legacy
 * store.
 */
final class MovedAccounts {

    private MovedAccounts() {
    }

    /** The moved, enabled account with an email whose legacy username is {@code typed}; empty if none or ambiguous. */
    static Optional<UserModel> byLegacyUsername(KeycloakSession session, RealmModel realm, String typed) {
        List<UserModel> found = LocalLegacyUsers.byLegacyUsername(session, realm, typed);
        if (found.size() != 1) {
            return Optional.empty();
        }
        UserModel user = found.get(0);
        boolean moved = user.getFederationLink() == null;
        return moved && user.isEnabled() && EmailMask.mask(user.getEmail()) != null ? Optional.of(user)
                : Optional.empty();
    }
}
