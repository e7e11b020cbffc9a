package eu.unify.keycloak.it.audit;

import java.util.List;

import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

import eu.unify.keycloak.it.TestUsers;

/** Admins of the test realm itself (not the master admin), with only the realm-management roles given. */
public final class RealmAdmins {

    private RealmAdmins() {
    }

    /** Creates a user holding exactly {@code roles} of realm-management; returns the user id. */
    public static String create(ManagedRealm realm, String email, String password, String... roles) {
        String userId = TestUsers.create(realm, email, password, null);
        String managementId = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        ClientResource management = realm.admin().clients().get(managementId);
        List<RoleRepresentation> granted = java.util.Arrays.stream(roles)
                .map(role -> management.roles().get(role).toRepresentation()).toList();
        realm.admin().users().get(userId).roles().clientLevel(managementId).add(granted);
        return userId;
    }
}
