package eu.unify.keycloak.legacy.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.storage.UserStorageProvider;

import eu.unify.keycloak.legacy.LegacyAttributes;

/**
 * Applies a legacy store's {@link RightsMapping} in a realm: at the import of a legacy account (first sign-in and
 * "Synchronize all users") and, through {@link #grant(KeycloakSession, RealmModel, UserModel)}, again at the move.
 * Granting is additive and idempotent: nothing already held is granted twice, nothing is taken away.
 *
 * <p>Legacy data must never make anyone an administrator of Keycloak: a target that is, contains or (for a group)
 * carries a {@code realm-management} role is refused when the mapping is saved and skipped at import.
 */
public final class LegacyRights {

    /** Provider id of the legacy user store whose components carry the mapping. */
    static final String STORE_PROVIDER_ID = "unify-legacy";

    private static final Logger LOG = Logger.getLogger(LegacyRights.class);

    private LegacyRights() {
    }

    /** The mapping configured on a legacy store component. */
    public static RightsMapping of(ComponentModel store) {
        return store == null ? RightsMapping.empty() : RightsMapping.parse(store.getConfig().getList(RightsMapping.CONFIG_KEY));
    }

    /**
     * What is wrong with the mapping in this realm, for the console's save: unreadable entries, targets that do not
     * exist, and targets that would grant administration rights. Empty when it can be saved.
     */
    public static List<String> problems(KeycloakSession session, RealmModel realm, RightsMapping mapping) {
        List<String> problems = new ArrayList<>(mapping.problems());
        for (RightTarget target : mapping.targets()) {
            Resolved resolved = resolve(session, realm, target);
            if (resolved.missing() != null) {
                problems.add("Rights mapping target '" + target.text() + "': " + resolved.missing());
            } else if (grantsAdministration(resolved)) {
                problems.add("Rights mapping target '" + target.text() + "' grants rights to administer the realm "
                        + "(realm-management); legacy data may not grant those");
            }
        }
        return problems;
    }

    /**
     * Grants the user what its {@code legacy_rights} attribute maps to under the mapping of {@code store}. Returns
     * the targets the user holds afterwards because of the mapping (granted now or before).
     */
    public static List<RightTarget> grant(KeycloakSession session, RealmModel realm, ComponentModel store,
                                          UserModel user) {
        List<String> rights = user.getAttributeStream(LegacyAttributes.RIGHTS).toList();
        List<RightTarget> held = new ArrayList<>();
        for (RightTarget target : of(store).targetsFor(rights)) {
            Resolved resolved = resolve(session, realm, target);
            if (resolved.missing() != null) {
                LOG.warnf("legacy rights of store '%s': %s (%s); not granted", store.getName(), target.text(),
                        resolved.missing());
                continue;
            }
            if (grantsAdministration(resolved)) {
                LOG.warnf("legacy rights of store '%s': %s grants realm administration; not granted", store.getName(),
                        target.text());
                continue;
            }
            if (resolved.role() != null && !user.hasDirectRole(resolved.role())) {
                user.grantRole(resolved.role());
            } else if (resolved.group() != null && !user.isMemberOf(resolved.group())) {
                user.joinGroup(resolved.group());
            }
            held.add(target);
        }
        return held;
    }

    /**
     * The same for a user whose store is not at hand, such as a moved account without a federation link: the
     * mapping of the store the user is linked to, or else of every legacy store of the realm.
     */
    public static List<RightTarget> grant(KeycloakSession session, RealmModel realm, UserModel user) {
        List<RightTarget> held = new ArrayList<>();
        stores(realm, user.getFederationLink()).forEach(store -> held.addAll(grant(session, realm, store, user)));
        return held;
    }

    private static Stream<ComponentModel> stores(RealmModel realm, String federationLink) {
        Optional<ComponentModel> linked = Optional.ofNullable(federationLink).map(realm::getComponent)
                .filter(c -> STORE_PROVIDER_ID.equals(c.getProviderId()));
        if (linked.isPresent()) {
            return linked.stream();
        }
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> STORE_PROVIDER_ID.equals(c.getProviderId()));
    }

    private record Resolved(RoleModel role, GroupModel group, String missing) {
    }

    private static Resolved resolve(KeycloakSession session, RealmModel realm, RightTarget target) {
        if (target instanceof RightTarget.ClientRole clientRole) {
            ClientModel client = realm.getClientByClientId(clientRole.clientId());
            if (client == null) {
                return new Resolved(null, null, "the realm has no client '" + clientRole.clientId() + "'");
            }
            RoleModel role = client.getRole(clientRole.role());
            return role == null ? new Resolved(null, null, "client '" + clientRole.clientId() + "' has no role '"
                    + clientRole.role() + "'") : new Resolved(role, null, null);
        }
        if (target instanceof RightTarget.RealmRole realmRole) {
            RoleModel role = realm.getRole(realmRole.role());
            return role == null ? new Resolved(null, null, "the realm has no role '" + realmRole.role() + "'")
                    : new Resolved(role, null, null);
        }
        RightTarget.Group group = (RightTarget.Group) target;
        GroupModel found = KeycloakModelUtils.findGroupByPath(session, realm, group.path());
        return found == null ? new Resolved(null, null, "the realm has no group '" + group.path() + "'")
                : new Resolved(null, found, null);
    }

    private static boolean grantsAdministration(Resolved resolved) {
        Stream<RoleModel> roles;
        if (resolved.role() != null) {
            roles = Stream.of(resolved.role());
        } else {
            List<RoleModel> inherited = new ArrayList<>();
            for (GroupModel g = resolved.group(); g != null; g = g.getParent()) {
                g.getRoleMappingsStream().forEach(inherited::add);
            }
            roles = inherited.stream();
        }
        return RoleUtils.expandCompositeRolesStream(roles).anyMatch(LegacyRights::isRealmManagement);
    }

    private static boolean isRealmManagement(RoleModel role) {
        return role.isClientRole() && role.getContainer() instanceof ClientModel client
                && Constants.REALM_MANAGEMENT_CLIENT_ID.equals(client.getClientId());
    }
}
