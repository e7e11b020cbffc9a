package eu.unify.keycloak.legacy.hint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

import eu.unify.keycloak.legacy.storage.LegacyAttributes;

/**
 * Finds the account that an old legacy username belongs to after the move: a Keycloak-local user (no federation
 * link) whose {@code legacy_username} is the name typed. Only Keycloak's own database is asked, never the legacy
 * store.
 */
final class MovedAccounts {

    /** Longer input is no legacy username; it is not looked up at all. */
    static final int MAX_USERNAME_LENGTH = 255;

    private MovedAccounts() {
    }

    /**
     * The moved, enabled account with an email whose legacy username is {@code typed}; empty when there is none or
     * the name is ambiguous. An exact match is tried first (an indexed lookup); only if that finds nothing, a match
     * regardless of case, since legacy applications often ignored it.
     */
    static Optional<UserModel> byLegacyUsername(KeycloakSession session, RealmModel realm, String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_USERNAME_LENGTH) {
            return Optional.empty();
        }
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        List<UserModel> found = local.searchForUserByUserAttributeStream(realm, LegacyAttributes.USERNAME, typed)
                .limit(2).toList();
        if (found.isEmpty()) {
            found = local.searchForUserStream(realm, Map.of(LegacyAttributes.USERNAME, typed, UserModel.EXACT, "true"),
                    0, 2).toList();
        }
        if (found.size() != 1) {
            return Optional.empty();
        }
        UserModel user = found.get(0);
        boolean moved = user.getFederationLink() == null;
        return moved && user.isEnabled() && EmailMask.mask(user.getEmail()) != null ? Optional.of(user)
                : Optional.empty();
    }
}
