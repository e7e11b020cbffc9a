package eu.unify.keycloak.entitlements.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import eu.unify.keycloak.entitlements.access.Companies;
import eu.unify.keycloak.entitlements.access.ServiceClients;
import eu.unify.keycloak.entitlements.model.CompanySlice;
import eu.unify.keycloak.entitlements.model.CustomerNumber;
import eu.unify.keycloak.entitlements.model.EmailAddress;
import eu.unify.keycloak.entitlements.model.EntitlementKeys;
import eu.unify.keycloak.entitlements.model.Invitation;
import eu.unify.keycloak.entitlements.model.Refusal;
import eu.unify.keycloak.common.rest.ApiErrors;

/**
 * {@code /realms/{realm}/unify/company}: a company admin runs their own company's accounts. Every request is checked
 * completely before anything changes: outside the caller's company or powers is 403, invalid input 400, taking away
 * what another company of a shared member also holds 409. Reads and writes cover only the company's slice of a
 * member (see {@link CompanySlice}). Each change is recorded as a Keycloak admin event with the company admin as the
 * acting user.
 */
public final class CompanyAdminResource {

    private static final Logger LOG = Logger.getLogger(CompanyAdminResource.class);
    private static final int MAX_PAGE = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthResult auth;

    CompanyAdminResource(KeycloakSession session, AuthResult auth) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.auth = auth;
    }

    /** The caller's company: its name, customer numbers and the services its admins may grant. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response company() {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            Locale locale = session.getContext().resolveLocale(auth.user());
            Map<String, Object> body = Companies.describe(org).toJson();
            body.put("customerNumbers", List.copyOf(Companies.heldCustomerNumbers(org)));
            List<Map<String, Object>> services = new ArrayList<>();
            for (String clientId : Companies.heldServices(org)) {
                ClientModel service = ServiceClients.service(realm, clientId);
                if (service != null) {
                    services.add(ServiceClients.entry(service, locale).toJson());
                }
            }
            body.put("services", services);
            return Response.ok(body).build();
        });
    }

    /** Read as text: a query value that is not a number is the caller's mistake (400), not a missing resource. */
    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    public Response members(@QueryParam("first") @DefaultValue("0") String firstParam,
            @QueryParam("max") @DefaultValue("100") String maxParam) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            int first = paging(firstParam, 0, Integer.MAX_VALUE);
            int max = paging(maxParam, 1, MAX_PAGE);
            OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
            List<Map<String, Object>> members = organizations.getMembersStream(org, Map.<String, String>of(), null, first, max)
                    .map(member -> describe(member, org)).toList();
            return Response.ok(members).build();
        });
    }

    private static int paging(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid("invalid-paging", "'first' must be a whole number from 0 and 'max' from 1 to "
                + MAX_PAGE + ".");
    }

    @GET
    @Path("members/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response member(@PathParam("userId") String userId) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            return Response.ok(describe(memberOf(org, userId), org)).build();
        });
    }

    /** Creates the account in the company, grants what the body asks and emails the activation link. */
    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(InputStream body) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            Invitation invitation = Invitation.parse(readAtMost(body, Invitation.MAX_BODY_BYTES + 1));
            List<RoleModel> roles = new ArrayList<>();
            for (String clientId : invitation.services()) {
                roles.add(grantableAccessRole(org, clientId));
            }
            for (String number : invitation.customerNumbers()) {
                requireHeldCustomerNumber(org, number);
            }
            // An address of a domain (or a subdomain of one) another company owns belongs in that company.
            OrganizationModel domainOwner = CompanyDomains.owner(session, EmailAddress.domain(invitation.email()));
            if (domainOwner != null && !domainOwner.getId().equals(org.getId())) {
                throw Refusal.forbidden("other-company-domain", "The email address belongs to the domain of another "
                        + "company; that company's administrators invite its staff.");
            }
            if (session.users().getUserByEmail(realm, invitation.email()) != null
                    || session.users().getUserByUsername(realm, invitation.email()) != null) {
                throw Refusal.invalid("already-exists", "An account with the email address " + invitation.email()
                        + " already exists; it cannot be invited again.");
            }

            UserModel user = InvitedAccount.create(session, realm, invitation);
            user.setEnabled(true);
            if (invitation.locale() != null) {
                user.setSingleAttribute(UserModel.LOCALE, invitation.locale());
            }
            if (!invitation.customerNumbers().isEmpty()) {
                user.setAttribute(EntitlementKeys.USER_CUSTOMER_NUMBERS, invitation.customerNumbers());
            }
            session.getProvider(OrganizationProvider.class).addMember(org, user);
            roles.forEach(user::grantRole);
            try {
                ActivationMail.send(session, realm, user);
            } catch (EmailException e) {
                // Nothing of the invitation may stay without its email: roll the whole request back.
                session.getTransactionManager().setRollbackOnly();
                LOG.warnf("Activation email of an invitation to organization %s could not be sent: %s", org.getAlias(),
                        e.getMessage());
                return ApiErrors.response(502, "email-failed",
                        "The activation email could not be sent; nothing was created. Try again later.");
            }

            Map<String, Object> created = describe(user, org);
            event(OperationType.CREATE, ResourceType.USER, created, "users", user.getId());
            event(OperationType.CREATE, ResourceType.ORGANIZATION_MEMBERSHIP, Map.of("userId", user.getId()),
                    "organizations", org.getId(), "members", user.getId());
            for (RoleModel role : roles) {
                event(OperationType.CREATE, ResourceType.CLIENT_ROLE_MAPPING, roleJson(role),
                        "users", user.getId(), "role-mappings", "clients", role.getContainerId());
            }
            event(OperationType.ACTION, ResourceType.USER, Map.of("requiredActions", List.of(ActivationMail.ACTION)),
                    "users", user.getId(), "execute-actions-email");
            return Response.status(Response.Status.CREATED).entity(created).build();
        });
    }

    /**
     * Takes the member out of the company: revokes the company's services and customer numbers, ends the membership.
     * What another of the member's companies holds too stays (see {@link CompanySlice}).
     */
    @DELETE
    @Path("members/{userId}")
    public Response remove(@PathParam("userId") String userId) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            UserModel member = otherMemberOf(org, userId);
            CompanySlice services = serviceSlice(org, member);
            for (String clientId : services.leaving(ServiceClients.directServiceIds(member))) {
                RoleModel role = ServiceClients.accessRole(ServiceClients.service(realm, clientId));
                member.deleteRoleMapping(role);
                event(OperationType.DELETE, ResourceType.CLIENT_ROLE_MAPPING, roleJson(role),
                        "users", member.getId(), "role-mappings", "clients", role.getContainerId());
            }
            Set<String> numbers = Companies.customerNumbers(member);
            List<String> leaving = numberSlice(org, member).leaving(numbers);
            if (!leaving.isEmpty()) {
                numbers.removeAll(leaving);
                storeCustomerNumbers(member, numbers);
            }
            session.getProvider(OrganizationProvider.class).removeMember(org, member);
            event(OperationType.DELETE, ResourceType.ORGANIZATION_MEMBERSHIP, Map.of("userId", userId),
                    "organizations", org.getId(), "members", userId);
            return Response.noContent().build();
        });
    }

    @PUT
    @Path("members/{userId}/services/{clientId}")
    public Response grantService(@PathParam("userId") String userId, @PathParam("clientId") String clientId) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            UserModel member = otherMemberOf(org, userId);
            RoleModel role = grantableAccessRole(org, clientId);
            if (!member.hasDirectRole(role)) {
                member.grantRole(role);
                event(OperationType.CREATE, ResourceType.CLIENT_ROLE_MAPPING, roleJson(role),
                        "users", member.getId(), "role-mappings", "clients", role.getContainerId());
            }
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("members/{userId}/services/{clientId}")
    public Response revokeService(@PathParam("userId") String userId, @PathParam("clientId") String clientId) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            UserModel member = otherMemberOf(org, userId);
            RoleModel role = grantableAccessRole(org, clientId);
            if (serviceSlice(org, member).shared(clientId)) {
                throw sharedWithAnotherCompany("the service '" + shorten(clientId) + "'");
            }
            if (member.hasDirectRole(role)) {
                member.deleteRoleMapping(role);
                event(OperationType.DELETE, ResourceType.CLIENT_ROLE_MAPPING, roleJson(role),
                        "users", member.getId(), "role-mappings", "clients", role.getContainerId());
            }
            return Response.noContent().build();
        });
    }

    @PUT
    @Path("members/{userId}/customer-numbers/{number}")
    public Response grantCustomerNumber(@PathParam("userId") String userId, @PathParam("number") String number) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            UserModel member = otherMemberOf(org, userId);
            requireHeldCustomerNumber(org, number);
            Set<String> numbers = Companies.customerNumbers(member);
            if (numbers.add(number)) {
                storeCustomerNumbers(member, numbers);
            }
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("members/{userId}/customer-numbers/{number}")
    public Response revokeCustomerNumber(@PathParam("userId") String userId, @PathParam("number") String number) {
        return answer(() -> {
            OrganizationModel org = administeredCompany();
            UserModel member = otherMemberOf(org, userId);
            requireHeldCustomerNumber(org, number);
            if (numberSlice(org, member).shared(number)) {
                throw sharedWithAnotherCompany("the customer number " + number);
            }
            Set<String> numbers = Companies.customerNumbers(member);
            if (numbers.remove(number)) {
                storeCustomerNumbers(member, numbers);
            }
            return Response.noContent().build();
        });
    }

    /** Stores the member's customer numbers (none: no attribute) and records the change as an admin event. */
    private void storeCustomerNumbers(UserModel member, Set<String> numbers) {
        if (numbers.isEmpty()) {
            member.removeAttribute(EntitlementKeys.USER_CUSTOMER_NUMBERS);
        } else {
            member.setAttribute(EntitlementKeys.USER_CUSTOMER_NUMBERS, List.copyOf(numbers));
        }
        event(OperationType.UPDATE, ResourceType.USER,
                Map.of(EntitlementKeys.USER_CUSTOMER_NUMBERS, List.copyOf(numbers)), "users", member.getId());
    }

    /** The caller's company's part of the member's services, against what the member's other companies hold. */
    private CompanySlice serviceSlice(OrganizationModel org, UserModel member) {
        return new CompanySlice(Companies.heldServices(org),
                Companies.heldByAny(Companies.otherCompaniesOf(session, member, org), Companies::heldServices));
    }

    private CompanySlice numberSlice(OrganizationModel org, UserModel member) {
        return new CompanySlice(Companies.heldCustomerNumbers(org),
                Companies.heldByAny(Companies.otherCompaniesOf(session, member, org), Companies::heldCustomerNumbers));
    }

    private static Refusal sharedWithAnotherCompany(String what) {
        return Refusal.conflict("shared-with-another-company", "This member also belongs to another company that "
                + "holds " + what + ", so the right is shared and stays. To end their work for your company, revoke "
                + "your company's customer numbers or remove them from your company.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks: each throws a Refusal before anything is changed.
    // ---------------------------------------------------------------------------------------------------------

    private OrganizationModel administeredCompany() {
        OrganizationModel org = Companies.administeredBy(session, realm, auth.user());
        if (org == null) {
            throw Refusal.forbidden("not-company-admin", "Only a company administrator may use the company API.");
        }
        return org;
    }

    /** A member of the caller's company; anyone else, existing or not, is 403 (nothing is revealed about them). */
    private UserModel memberOf(OrganizationModel org, String userId) {
        UserModel user = userId == null || userId.length() > 64 ? null : session.users().getUserById(realm, userId);
        if (user == null || !Companies.isMember(session, org, user)) {
            throw Refusal.forbidden("not-a-member", "That account is not a member of your company.");
        }
        return user;
    }

    /** A member the caller may change: never the caller (no self-elevation), never someone who runs the realm. */
    private UserModel otherMemberOf(OrganizationModel org, String userId) {
        UserModel member = memberOf(org, userId);
        if (member.getId().equals(auth.user().getId())) {
            throw Refusal.forbidden("self-change", "Company administrators cannot change their own account; ask "
                    + "another administrator of your company.");
        }
        if (RealmAdmins.isRealmAdmin(realm, member)) {
            throw Refusal.forbidden("protected-account", "That account is managed by the realm administrators.");
        }
        return member;
    }

    /** The access role of a service the company holds; unknown client ids are 400, anything else not held 403. */
    private RoleModel grantableAccessRole(OrganizationModel org, String clientId) {
        ClientModel client = clientId == null || clientId.length() > 255 ? null : realm.getClientByClientId(clientId);
        if (client == null) {
            throw Refusal.invalid("unknown-service", "There is no service '" + shorten(clientId) + "'.");
        }
        if (!ServiceClients.isService(client) || !Companies.heldServices(org).contains(client.getClientId())) {
            throw Refusal.forbidden("service-not-held", "Your company does not hold the service '"
                    + shorten(clientId) + "', so it cannot be granted or revoked.");
        }
        RoleModel role = ServiceClients.accessRole(client);
        // A composite access role could carry other rights (even realm administration): not for company admins.
        if (role == null || role.isComposite()) {
            throw Refusal.forbidden("service-not-grantable", "The service '" + shorten(clientId)
                    + "' cannot be granted by company administrators; ask the realm administrators.");
        }
        return role;
    }

    private static void requireHeldCustomerNumber(OrganizationModel org, String number) {
        if (!CustomerNumber.isWellFormed(number)) {
            throw Invitation.malformedCustomerNumber(number == null ? "" : number);
        }
        if (!Companies.heldCustomerNumbers(org).contains(number)) {
            throw Refusal.forbidden("customer-number-not-held",
                    "Your company does not hold the customer number " + number + ".");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The first {@code limit} bytes of the body: enough to tell an oversize body without reading all of it. */
    private static byte[] readAtMost(InputStream body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        try {
            return body.readNBytes(limit);
        } catch (IOException e) {
            throw Refusal.invalid("invalid-request", "The request body could not be read.");
        }
    }

    private Response answer(Supplier<Response> action) {
        try {
            return action.get();
        } catch (Refusal refusal) {
            return ApiErrors.response(refusal.status(), refusal.code(), refusal.getMessage());
        }
    }

    /** The member as the caller's company sees them: only the services and customer numbers the company holds. */
    private Map<String, Object> describe(UserModel member, OrganizationModel org) {
        CompanySlice services = serviceSlice(org, member);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", member.getId());
        json.put("username", member.getUsername());
        json.put("email", member.getEmail());
        json.put("firstName", member.getFirstName());
        json.put("lastName", member.getLastName());
        json.put("enabled", member.isEnabled());
        json.put("companyAdmin", Companies.isAdminOf(session, realm, member, org));
        json.put("services", services.visible(ServiceClients.servicesOf(member).stream().map(ClientModel::getClientId)
                .toList()));
        json.put("grantedServices", services.visible(ServiceClients.directServiceIds(member)));
        json.put("customerNumbers", Companies.customerNumbersOf(member, org));
        return json;
    }

    private static Map<String, Object> roleJson(RoleModel role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", role.getId());
        json.put("name", role.getName());
        json.put("clientRole", true);
        json.put("containerId", role.getContainerId());
        return json;
    }

    private void event(OperationType operation, ResourceType resource, Object representation, String... path) {
        new AdminEventBuilder(realm, new AdminAuth(realm, auth.token(), auth.user(), auth.client()), session,
                session.getContext().getConnection())
                .operation(operation)
                .resource(resource)
                .resourcePath(path)
                .representation(representation)
                .success();
    }

    private static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
