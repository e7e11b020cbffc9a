package eu.unify.keycloak.entitlements.access;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

import eu.unify.keycloak.entitlements.model.EntitlementKeys;
import eu.unify.keycloak.entitlements.model.ServiceEntry;

/** Reads Unify services (clients marked {@code unify.service=true}) and a user's rights to them. */
public final class ServiceClients {

    private ServiceClients() {
    }

    public static boolean isService(ClientModel client) {
        return client != null && ServiceEntry.isService(client.getAttributes());
    }

    /** The service client with this client id, or null when there is none or the client is not a service. */
    public static ClientModel service(RealmModel realm, String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        return isService(client) ? client : null;
    }

    /** The role that is the right to the service, or null when the admin has not created it. */
    public static RoleModel accessRole(ClientModel service) {
        return service.getRole(EntitlementKeys.ACCESS_ROLE);
    }

    /** Whether the user holds the service's access role directly, through a group or through a composite role. */
    public static boolean mayUse(UserModel user, ClientModel service) {
        RoleModel role = accessRole(service);
        return role != null && user.hasRole(role);
    }

    /** The services the user may use, sorted by client id. Reads only role mappings (cached), never all clients. */
    public static List<ClientModel> servicesOf(UserModel user) {
        return RoleUtils.getDeepUserRoleMappings(user).stream()
                .filter(RoleModel::isClientRole)
                .filter(role -> EntitlementKeys.ACCESS_ROLE.equals(role.getName()))
                .map(RoleModel::getContainer)
                .filter(ClientModel.class::isInstance)
                .map(ClientModel.class::cast)
                .filter(ServiceClients::isService)
                .filter(ClientModel::isEnabled)
                .distinct()
                .sorted(Comparator.comparing(ClientModel::getClientId))
                .toList();
    }

    /** The services the user holds directly (not through groups): what a company admin grants and revokes. */
    public static List<String> directServiceIds(UserModel user) {
        return user.getRoleMappingsStream()
                .filter(RoleModel::isClientRole)
                .filter(role -> EntitlementKeys.ACCESS_ROLE.equals(role.getName()))
                .map(RoleModel::getContainer)
                .filter(ClientModel.class::isInstance)
                .map(ClientModel.class::cast)
                .filter(ServiceClients::isService)
                .map(ClientModel::getClientId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    public static ServiceEntry entry(ClientModel service, Locale locale) {
        return ServiceEntry.of(service.getClientId(), service.getAttributes(), locale);
    }
}
