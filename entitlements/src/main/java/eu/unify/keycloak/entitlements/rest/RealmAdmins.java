package eu.unify.keycloak.entitlements.rest;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

/** Who administers the realm itself: any role of its realm-management client. Company admins never touch them. */
final class RealmAdmins {

    private RealmAdmins() {
    }

    static boolean isRealmAdmin(RealmModel realm, UserModel user) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            return false;
        }
        return RoleUtils.getDeepUserRoleMappings(user).stream()
                .map(RoleModel::getContainer)
                .anyMatch(container -> container instanceof ClientModel client && management.getId().equals(client.getId()));
    }
}
