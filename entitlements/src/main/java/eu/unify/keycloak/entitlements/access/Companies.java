package eu.unify.keycloak.entitlements.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * Customer companies are Keycloak organisations. A user may be a member of several: what they may use is what each
 * of their companies gave them (see the module README, "A user in several companies"). Their companies are listed by
 * alias, so the first one (the claim's {@code company}) is the same on every node and in every request. The company
 * admin role makes an admin only of a user's single company: held by a member of several, it gives no powers.
 */
public final class Companies {

    private Companies() {
    }

    private static OrganizationProvider organizations(KeycloakSession session) {
        OrganizationProvider provider = session.getProvider(OrganizationProvider.class);
        return provider != null && provider.isEnabled() ? provider : null;
    }

    /** The user's enabled companies, sorted by alias; empty for a user in none. */
    public static List<OrganizationModel> companiesOf(KeycloakSession session, UserModel user) {
        OrganizationProvider provider = organizations(session);
        if (provider == null || user == null) {
            return List.of();
        }
        return provider.getByMember(user)
                .filter(OrganizationModel::isEnabled)
                .sorted(Comparator.comparing(OrganizationModel::getAlias))
                .toList();
    }

    /** The user's companies other than {@code org}: the holders of the rest of a shared member. */
    public static List<OrganizationModel> otherCompaniesOf(KeycloakSession session, UserModel user, OrganizationModel org) {
        return companiesOf(session, user).stream().filter(other -> !other.getId().equals(org.getId())).toList();
    }

    /** The company the user administers: null unless they hold the admin role and belong to exactly one company. */
    public static OrganizationModel administeredBy(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!holdsAdminRole(realm, user)) {
            return null;
        }
        List<OrganizationModel> all = companiesOf(session, user);
        return all.size() == 1 ? all.get(0) : null;
    }

    /** Whether the user is an admin of this company (holds the role and belongs to it alone). */
    public static boolean isAdminOf(KeycloakSession session, RealmModel realm, UserModel user, OrganizationModel org) {
        OrganizationModel administered = administeredBy(session, realm, user);
        return administered != null && administered.getId().equals(org.getId());
    }

    private static boolean holdsAdminRole(RealmModel realm, UserModel user) {
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

    /** What the companies hold together: the union of {@code held}, in the companies' order. */
    public static Set<String> heldByAny(Collection<OrganizationModel> companies,
            Function<OrganizationModel, Set<String>> held) {
        Set<String> all = new LinkedHashSet<>();
        companies.forEach(org -> all.addAll(held.apply(org)));
        return all;
    }

    /** The user's customer numbers that this company holds, in the company's order. */
    public static List<String> customerNumbersOf(UserModel user, OrganizationModel org) {
        if (org == null) {
            return List.of();
        }
        Set<String> own = customerNumbers(user);
        return heldCustomerNumbers(org).stream().filter(own::contains).toList();
    }

    /** The user's customer numbers that any of their companies holds: each company's in its order, by alias. */
    public static List<String> customerNumbersOf(UserModel user, List<OrganizationModel> companies) {
        Set<String> own = customerNumbers(user);
        return heldByAny(companies, Companies::heldCustomerNumbers).stream().filter(own::contains).toList();
    }

    /** The customer numbers stored on the user, whoever gave them. */
    public static Set<String> customerNumbers(UserModel user) {
        return new LinkedHashSet<>(user.getAttributeStream(EntitlementKeys.USER_CUSTOMER_NUMBERS).toList());
    }

    public static Stream<UserModel> members(KeycloakSession session, OrganizationModel org) {
        OrganizationProvider provider = organizations(session);
        return provider == null ? Stream.empty() : provider.getMembersStream(org, Map.<String, String>of(), null, null, null);
    }

    public static boolean isMember(KeycloakSession session, OrganizationModel org, UserModel user) {
        OrganizationProvider provider = organizations(session);
        return provider != null && user != null && provider.isMember(org, user);
    }

    /** The company's admins (enabled members who administer it), sorted by email. */
    public static List<UserModel> adminsOf(KeycloakSession session, RealmModel realm, OrganizationModel org) {
        return members(session, org)
                .filter(UserModel::isEnabled)
                .filter(member -> holdsAdminRole(realm, member))
                .filter(member -> isAdminOf(session, realm, member, org))
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
