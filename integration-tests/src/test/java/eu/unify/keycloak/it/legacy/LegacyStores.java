package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The {@code unify-legacy} federation over a test {@link LegacyDatabase}, added to a realm as an admin does in the
 * console, and the realm settings the module README asks for.
 */
public final class LegacyStores {

    private LegacyStores() {
    }

    /** As the README tells ops: "Verify profile" off, legacy attributes visible to admins. */
    public static void prepareRealm(ManagedRealm realm) {
        prepareRealm(realm.admin());
    }

    /** As {@link #prepareRealm(ManagedRealm)}, for a realm the test framework does not manage (the cluster's). */
    public static void prepareRealm(RealmResource realm) {
        RequiredActionProviderRepresentation verifyProfile = realm.flows().getRequiredAction("VERIFY_PROFILE");
        verifyProfile.setEnabled(false);
        realm.flows().updateRequiredAction("VERIFY_PROFILE", verifyProfile);
        UPConfig profile = realm.users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        realm.users().userProfile().update(profile);
    }

    public static String name(LegacyDatabase db) {
        return "legacy-" + db.prefix;
    }

    /** The component for {@code db} with short timeouts; {@code overrides} replace or add options. */
    public static ComponentRepresentation component(ManagedRealm realm, LegacyDatabase db,
                                             Map<String, List<String>> overrides) {
        return component(realm.getId(), db, overrides);
    }

    /** As {@link #component(ManagedRealm, LegacyDatabase, Map)}, for the realm with id {@code realmId}. */
    public static ComponentRepresentation component(String realmId, LegacyDatabase db,
                                                    Map<String, List<String>> overrides) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(name(db));
        component.setProviderId("unify-legacy");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(realmId);
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("jdbcUrl", db.jdbcUrl());
        config.putSingle("jdbcUser", db.user());
        config.putSingle("jdbcPassword", db.password());
        config.putSingle("connectTimeoutSeconds", "2");
        config.putSingle("queryTimeoutSeconds", "1");
        config.putSingle("findByUsernameSql", LegacyDatabase.FIND_BY_USERNAME);
        config.putSingle("findByEmailSql", LegacyDatabase.FIND_BY_EMAIL);
        config.putSingle("listAllSql", LegacyDatabase.LIST_ALL);
        config.putSingle("countByWaveSql", LegacyDatabase.COUNT_BY_WAVE);
        overrides.forEach(config::put);
        component.setConfig(config);
        return component;
    }

    /** Adds the component; asserts the console's save (the connection test) accepted it. Returns its id. */
    public static String add(ManagedRealm realm, ComponentRepresentation component) {
        return add(realm.admin(), component);
    }

    /** As {@link #add(ManagedRealm, ComponentRepresentation)}, for a realm the test framework does not manage. */
    public static String add(RealmResource realm, ComponentRepresentation component) {
        try (Response response = realm.components().add(component)) {
            assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** Tries to add the component and returns the console's refusal (status 400 asserted). */
    static String refusal(ManagedRealm realm, ComponentRepresentation component) {
        try (Response response = realm.admin().components().add(component)) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            return body;
        }
    }
}
