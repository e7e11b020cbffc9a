package eu.unify.keycloak.legacy.storage;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

import eu.unify.keycloak.legacy.LegacyAttributes;

/**
 * Keycloak users found by their legacy username ({@code legacy_username}), imported or moved, in Keycloak's own
 * database only (never the legacy store).
 */
public final class LocalLegacyUsers {

    /** Longer input is no legacy username; it is not looked up at all. */
    public static final int MAX_USERNAME_LENGTH = 255;

    private LocalLegacyUsers() {
    }

    /**
     * Up to two users whose legacy username is {@code legacyUsername} (two means: ambiguous). An exact match is tried
     * first (an indexed lookup); only when that finds nothing, a match regardless of case, as legacy applications
     * often ignored case.
     */
    public static List<UserModel> byLegacyUsername(KeycloakSession session, RealmModel realm, String legacyUsername) {
        if (legacyUsername == null || legacyUsername.isBlank() || legacyUsername.length() > MAX_USERNAME_LENGTH) {
            return List.of();
        }
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        List<UserModel> found = local.searchForUserByUserAttributeStream(realm, LegacyAttributes.USERNAME,
                legacyUsername).limit(2).toList();
        if (!found.isEmpty()) {
            return found;
        }
        return local.searchForUserStream(realm,
                Map.of(LegacyAttributes.USERNAME, legacyUsername, UserModel.EXACT, Boolean.TRUE.toString()), 0, 2)
                .toList();
    }
}
