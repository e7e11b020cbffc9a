package eu.unify.keycloak.entitlements.model;

/**
 * The names under which Unify keeps entitlements in Keycloak's own objects (see the module README). They are a
 * public contract: realm exports, admin scripts and apps rely on them.
 */
public final class EntitlementKeys {

    /** Organisation attribute: the customer numbers the company holds (one value each). */
    public static final String ORG_CUSTOMER_NUMBERS = "unify.customerNumbers";
    /** Organisation attribute: the client ids of the services the company holds, i.e. its admins may grant. */
    public static final String ORG_SERVICES = "unify.services";
    /** User attribute: the customer numbers (a subset of the company's) the user acts for. */
    public static final String USER_CUSTOMER_NUMBERS = "unify.customerNumbers";

    /** Client attribute {@code true}: the client is a Unify service. */
    public static final String SERVICE = "unify.service";
    /** Client attribute prefix of the display texts; {@code unify.service.name.fi} is the Finnish name. */
    public static final String SERVICE_NAME = "unify.service.name";
    public static final String SERVICE_DESCRIPTION = "unify.service.description";
    public static final String SERVICE_URL = "unify.service.url";
    public static final String SERVICE_ICON = "unify.service.icon";

    /** Client role of a service client: holding it (directly, by group or composite) is the right to the service. */
    public static final String ACCESS_ROLE = "access";
    /** Realm role: a member holding it is an administrator of the company (organisation) they belong to. */
    public static final String COMPANY_ADMIN_ROLE = "unify-company-admin";

    private EntitlementKeys() {
    }
}
