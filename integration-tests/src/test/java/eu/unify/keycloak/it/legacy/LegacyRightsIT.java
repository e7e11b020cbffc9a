package eu.unify.keycloak.it.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;

import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;

/**
 * The rights mapping of {@code unify-legacy}: the console refuses bad entries with a clear message, and imported
 * legacy accounts (first sign-in and "Synchronize all users") hold the client roles, realm roles and groups their
 * legacy rights map to, with the legacy database in MariaDB and in PostgreSQL.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LegacyRightsIT {

    static final String PASSWORD = LegacyStoreIT.OLD_PASSWORD;
    static final String HASH = LegacyStoreIT.OLD_HASH;

    /** As the entitlements module models a service: a client whose role "access" grants it. */
    static final String SHOP = "shop";
    static final List<String> MAPPING = List.of("orders=client:shop:access", "Reports=role:report-reader",
            "orders=group:/customers/buyers", "unused=role:report-reader");

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @TestSetup
    public void rolesGroupsAndLegacyStores() throws Exception {
        LegacyStores.prepareRealm(realm);
        ClientRepresentation testApp = realm.admin().clients().findByClientId("test-app").get(0);
        testApp.setDirectAccessGrantsEnabled(true);
        realm.admin().clients().get(testApp.getId()).update(testApp);

        ClientRepresentation shop = new ClientRepresentation();
        shop.setClientId(SHOP);
        shop.setAttributes(Map.of("unify.service", "true"));
        String shopId;
        try (Response response = realm.admin().clients().create(shop)) {
            shopId = CreatedResponseUtil.getCreatedId(response);
        }
        RoleRepresentation access = new RoleRepresentation();
        access.setName("access");
        realm.admin().clients().get(shopId).roles().create(access);
        RoleRepresentation reader = new RoleRepresentation();
        reader.setName("report-reader");
        realm.admin().roles().create(reader);
        GroupRepresentation customers = new GroupRepresentation();
        customers.setName("customers");
        String customersId;
        try (Response response = realm.admin().groups().add(customers)) {
            customersId = CreatedResponseUtil.getCreatedId(response);
        }
        GroupRepresentation buyers = new GroupRepresentation();
        buyers.setName("buyers");
        realm.admin().groups().group(customersId).subGroup(buyers).close();

        for (LegacyDatabase db : LegacyDatabase.values()) {
            db.recreate();
            db.insert(db.username("Kaeufer"), HASH, null, "Karl", "Käufer", null, "orders;reports", 1);
            db.insert(db.username("Leser"), HASH, null, null, null, db.username("Kaeufer"), "REPORTS", 1);
            db.insert(db.username("Ohne"), HASH, null, null, null, null, "something-unmapped", 1);
            db.insert(db.username("Synced"), HASH, null, null, null, null, "orders", 2);
        }
    }

    @Order(1)
    @Test
    void theConsoleRefusesABadMappingWithAClearMessage() {
        LegacyDatabase db = LegacyDatabase.POSTGRES;
        String body = LegacyStores.refusal(realm, LegacyStores.component(realm, db, Map.of("rightsMapping",
                List.of("orders", "orders=client:no-such-client:access", "orders=client:shop:no-such-role",
                        "x=group:/no/such/group", "admin=client:realm-management:manage-users"))));

        assertThat(body).contains("Rights mapping 'orders': has no '='")
                .contains("the realm has no client 'no-such-client'")
                .contains("client 'shop' has no role 'no-such-role'")
                .contains("the realm has no group '/no/such/group'")
                .contains("'client:realm-management:manage-users' grants rights to administer the realm");
        assertThat(realm.admin().components().query(realm.getId(), "org.keycloak.storage.UserStorageProvider"))
                .as("nothing saved").isEmpty();

        // A group that carries an administration role is refused as well.
        GroupRepresentation admins = new GroupRepresentation();
        admins.setName("sneaky-admins");
        String adminsId;
        try (Response response = realm.admin().groups().add(admins)) {
            adminsId = CreatedResponseUtil.getCreatedId(response);
        }
        String management = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        realm.admin().groups().group(adminsId).roles().clientLevel(management)
                .add(List.of(realm.admin().clients().get(management).roles().get("realm-admin").toRepresentation()));
        assertThat(LegacyStores.refusal(realm, LegacyStores.component(realm, db,
                Map.of("rightsMapping", List.of("boss=group:/sneaky-admins")))))
                .contains("'group:/sneaky-admins' grants rights to administer the realm");
        realm.admin().groups().group(adminsId).remove();

        for (LegacyDatabase each : LegacyDatabase.values()) {
            LegacyStores.add(realm, LegacyStores.component(realm, each, Map.of("rightsMapping", MAPPING)));
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void theFirstSignInImportsTheAccountWithItsMappedRolesAndGroups(LegacyDatabase db) {
        String buyer = db.username("Kaeufer");
        assertThat(oauth.doPasswordGrantRequest(buyer, PASSWORD).isSuccess()).isTrue();

        UserRepresentation user = stored(buyer);
        assertThat(clientRoles(user)).containsExactly("access");
        assertThat(realmRoles(user)).contains("report-reader");
        assertThat(groups(user)).containsExactly("/customers/buyers");

        // Rights match regardless of case; an account whose rights map to nothing gets nothing extra.
        assertThat(oauth.doPasswordGrantRequest(db.username("Leser"), PASSWORD).isSuccess()).isTrue();
        UserRepresentation reader = stored(db.username("Leser"));
        assertThat(realmRoles(reader)).contains("report-reader");
        assertThat(clientRoles(reader)).isEmpty();
        assertThat(groups(reader)).isEmpty();

        assertThat(oauth.doPasswordGrantRequest(db.username("Ohne"), PASSWORD).isSuccess()).isTrue();
        UserRepresentation without = stored(db.username("Ohne"));
        assertThat(realmRoles(without)).doesNotContain("report-reader");
        assertThat(clientRoles(without)).isEmpty();
        assertThat(groups(without)).isEmpty();
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyDatabase.class)
    void synchronizeAllUsersGrantsTheMappedRightsToo(LegacyDatabase db) {
        String componentId = realm.admin().components().query(realm.getId(),
                "org.keycloak.storage.UserStorageProvider", LegacyStores.name(db)).get(0).getId();

        assertThat(realm.admin().userStorage().syncUsers(componentId, "triggerFullSync").getAdded()).isEqualTo(1);

        UserRepresentation synced = stored(db.username("Synced"));
        assertThat(clientRoles(synced)).containsExactly("access");
        assertThat(groups(synced)).containsExactly("/customers/buyers");
        assertThat(realm.admin().users().get(synced.getId()).credentials()).as("still no hashing work").isEmpty();
    }

    private UserRepresentation stored(String legacyUsername) {
        List<UserRepresentation> found = realm.admin().users().search(legacyUsername.toLowerCase(), true);
        assertThat(found).as("imported %s", legacyUsername).hasSize(1);
        return found.get(0);
    }

    private List<String> clientRoles(UserRepresentation user) {
        String shopId = realm.admin().clients().findByClientId(SHOP).get(0).getId();
        return realm.admin().users().get(user.getId()).roles().clientLevel(shopId).listAll().stream()
                .map(RoleRepresentation::getName).toList();
    }

    private List<String> realmRoles(UserRepresentation user) {
        return realm.admin().users().get(user.getId()).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).toList();
    }

    private List<String> groups(UserRepresentation user) {
        return realm.admin().users().get(user.getId()).groups().stream().map(GroupRepresentation::getPath).toList();
    }
}
