package eu.unify.keycloak.it.entitlements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What an admin does in the console after importing {@link CompanyRealmConfig}: the two companies (organisations
 * with their customer numbers and services), their members, and the members' customer numbers.
 */
public final class CompanySetup {

    static final List<String> ACME_NUMBERS = List.of("100234", "100235", "FI-4411");
    static final List<String> GLOBEX_NUMBERS = List.of("200100");

    final String acmeId;
    final String globexId;

    private CompanySetup(String acmeId, String globexId) {
        this.acmeId = acmeId;
        this.globexId = globexId;
    }

    public static CompanySetup create(ManagedRealm realm) {
        // Customer numbers are a user attribute that only admins may see and edit (the README's recommended setup).
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        realm.admin().users().userProfile().update(profile);

        String acme = organization(realm, "acme", "Acme Oy", "acme.example",
                Map.of("unify.customerNumbers", ACME_NUMBERS,
                        "unify.services", List.of(CompanyRealmConfig.SHOP, CompanyRealmConfig.INVOICES)));
        String globex = organization(realm, "globex", "Globex GmbH", "globex.example",
                Map.of("unify.customerNumbers", GLOBEX_NUMBERS,
                        "unify.services", List.of(CompanyRealmConfig.INVOICES, CompanyRealmConfig.REPORTS)));
        for (String user : List.of(CompanyRealmConfig.ACME_ADMIN, CompanyRealmConfig.ACME_MEMBER,
                CompanyRealmConfig.ACME_NO_RIGHTS, CompanyRealmConfig.ACME_REALM_ADMIN)) {
            addMember(realm, acme, user);
        }
        for (String user : List.of(CompanyRealmConfig.GLOBEX_ADMIN, CompanyRealmConfig.GLOBEX_MEMBER)) {
            addMember(realm, globex, user);
        }
        customerNumbers(realm, CompanyRealmConfig.ACME_MEMBER, List.of("100234", "FI-4411"));
        customerNumbers(realm, CompanyRealmConfig.GLOBEX_MEMBER, GLOBEX_NUMBERS);
        return new CompanySetup(acme, globex);
    }

    static String userId(ManagedRealm realm, String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    static UserRepresentation user(ManagedRealm realm, String username) {
        return realm.admin().users().get(userId(realm, username)).toRepresentation();
    }

    private static String organization(ManagedRealm realm, String alias, String name, String domain,
            Map<String, List<String>> attributes) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias(alias);
        org.setName(name);
        org.setEnabled(true);
        OrganizationDomainRepresentation orgDomain = new OrganizationDomainRepresentation();
        orgDomain.setName(domain);
        org.addDomain(orgDomain);
        org.setAttributes(new LinkedHashMap<>(attributes));
        try (Response response = realm.admin().organizations().create(org)) {
            // Removed with the realm at the end of the class.
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /**
     * A member of several companies, as a realm admin makes one in the console: a user with the given direct service
     * rights (the client role {@code access}), realm roles and customer numbers, added to each organisation.
     */
    static String sharedMember(ManagedRealm realm, String email, String firstName, List<String> services,
            List<String> realmRoles, List<String> numbers, String... orgIds) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName("Kumppani");
        user.setEnabled(true);
        user.setEmailVerified(true);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("locale", List.of("fi"));
        if (!numbers.isEmpty()) {
            attributes.put("unify.customerNumbers", numbers);
        }
        user.setAttributes(attributes);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(CompanyRealmConfig.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.admin().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        for (String service : services) {
            var client = realm.admin().clients().findByClientId(service).get(0);
            realm.admin().users().get(id).roles().clientLevel(client.getId())
                    .add(List.of(realm.admin().clients().get(client.getId()).roles().get("access").toRepresentation()));
        }
        for (String role : realmRoles) {
            realm.admin().users().get(id).roles().realmLevel()
                    .add(List.of(realm.admin().roles().get(role).toRepresentation()));
        }
        for (String orgId : orgIds) {
            addMember(realm, orgId, email);
        }
        return id;
    }

    private static void addMember(ManagedRealm realm, String orgId, String username) {
        try (Response response = realm.admin().organizations().get(orgId).members().addMember(userId(realm, username))) {
            if (response.getStatus() != 201 && response.getStatus() != 204) {
                throw new IllegalStateException("adding " + username + " to the organisation: " + response.getStatus());
            }
        }
    }

    private static void customerNumbers(ManagedRealm realm, String username, List<String> numbers) {
        String id = userId(realm, username);
        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        Map<String, List<String>> attributes = user.getAttributes() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(user.getAttributes());
        attributes.put("unify.customerNumbers", numbers);
        user.setAttributes(attributes);
        realm.admin().users().get(id).update(user);
    }
}
