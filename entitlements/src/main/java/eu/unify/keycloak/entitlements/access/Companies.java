package eu.unify.keycloak.entitlements.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import eu.unify.keycloak.entitlements.model.Company;
import eu.unify.keycloak.entitlements.model.EntitlementKeys;

/**
 * Customer companies are Keycloak organisations. A Unify user belongs to one company; should a user be a member of
 * several, the one with the smallest alias counts (deterministic) and they get no company admin powers at all.
 */
public final class Companies {

    private Companies() {
    }

    private static OrganizationProvider organizations(KeycloakSession session) {
        OrganizationProvider provider = session.getProvider(OrganizationProvider.class);
        return provider != null && provider.isEnabled() ? provider : null;
    }

    private static List<OrganizationModel> organizationsOf(KeycloakSession session, UserModel user) {
        OrganizationProvider provider = organizations(session);
        if (provider == null) {
            return List.of();
        }
        return provider.getByMember(user)
                .filter(OrganizationModel::isEnabled)
                .sorted(Comparator.comparing(OrganizationModel::getAlias))
                .toList();
    }

    /** The user's company, or null. */
    public static OrganizationModel companyOf(KeycloakSession session, UserModel user) {
        List<OrganizationModel> all = organizationsOf(session, user);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The company the user administers: null unless they hold the admin role and belong to exactly one company. */
    public static OrganizationModel administeredBy(KeycloakSession session, RealmModel realm, UserModel user) {
        RoleModel adminRole = realm.getRole(EntitlementKeys.COMPANY_ADMIN_ROLE);
        if (adminRole == null || !user.hasRole(adminRole)) {
            return null;
        }
        List<OrganizationModel> all = organizationsOf(session, user);
        return all.size() == 1 ? all.get(0) : null;
    }

    public static boolean isCompanyAdmin(RealmModel realm, UserModel user) {
        RoleModel adminRole = realm.getRole(EntitlementKeys.COMPANY_ADMIN_ROLE);
        return adminRole != null && user.hasRole(adminRole);
    }

    public static Company describe(OrganizationModel org) {
        return new Company(org.getId(), org.getAlias(), org.getName());
    }

    public static Set<String> heldCustomerNumbers(OrganizationModel org) {
        return values(org.getAttributes(), EntitlementKeys.ORG_CUSTOMER_NUMBERS);
    }

    public static Set<String> heldServices(OrganizationModel org) {
        return values(org.getAttributes(), EntitlementKeys.ORG_SERVICES);
    }

    /** The user's customer numbers that their company still holds, in the company's order. */
    public static List<String> customerNumbersOf(UserModel user, OrganizationModel org) {
        if (org == null) {
            return List.of();
        }
        Set<String> own = new LinkedHashSet<>(user.getAttributeStream(EntitlementKeys.USER_CUSTOMER_NUMBERS).toList());
        return heldCustomerNumbers(org).stream().filter(own::contains).toList();
    }

    public static Stream<UserModel> members(KeycloakSession session, OrganizationModel org) {
        OrganizationProvider provider = organizations(session);
        return provider == null ? Stream.empty() : provider.getMembersStream(org, Map.<String, String>of(), null, null, null);
    }

    public static boolean isMember(KeycloakSession session, OrganizationModel org, UserModel user) {
        OrganizationProvider provider = organizations(session);
        return provider != null && user != null && provider.isMember(org, user);
    }

    /** The company's admins (enabled members holding the admin role), sorted by email. */
    public static List<UserModel> adminsOf(KeycloakSession session, RealmModel realm, OrganizationModel org) {
        return members(session, org)
                .filter(UserModel::isEnabled)
                .filter(member -> isCompanyAdmin(realm, member))
                .sorted(Comparator.comparing(member -> String.valueOf(member.getEmail())))
                .toList();
    }

    private static Set<String> values(Map<String, List<String>> attributes, String key) {
        Collection<String> values = attributes == null ? null : attributes.get(key);
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    result.add(value.trim());
                }
            }
        }
        return result;
    }
}
