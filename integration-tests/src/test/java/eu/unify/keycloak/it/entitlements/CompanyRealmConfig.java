package eu.unify.keycloak.it.entitlements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * A realm laid out as the entitlements README describes: three Unify services and one ordinary client, two
 * companies (organisations, created by {@link CompanySetup#create}) with admins and members holding different rights.
 * Every client carries the {@code unify-entitlements-mapper}.
 */
public class CompanyRealmConfig implements RealmConfig {

    public static final String PASSWORD = SuiteSecrets.register("Palvelu-salasana-26");
    public static final String SECRET = SuiteSecrets.register("entitlements-secret");
    /** The origin the apps run on: the clients' web origin, allowed to call the service list from a browser. */
    public static final String APP_ORIGIN = "http://app.example";

    /** Services: acme holds shop and invoices, globex holds invoices and reports. */
    public static final String SHOP = "shop";
    public static final String INVOICES = "invoices";
    public static final String REPORTS = "reports";
    /** A client that is not a Unify service: the gate leaves it alone. */
    public static final String PORTAL = "portal";

    public static final String ACME_ADMIN = "aino.admin@acme.example";
    public static final String ACME_MEMBER = "matti@acme.example";
    public static final String ACME_NO_RIGHTS = "liisa@acme.example";
    public static final String ACME_REALM_ADMIN = "root@acme.example";
    public static final String GLOBEX_ADMIN = "bert.admin@globex.example";
    public static final String GLOBEX_MEMBER = "berta@globex.example";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return realm
                .internationalizationEnabled(true)
                .supportedLocales(Languages.ALL.toArray(String[]::new))
                .defaultLocale("en")
                .organizationsEnabled(true)
                .adminEventsEnabled(true)
                .adminEventsDetailsEnabled(true)
                .clients(service(SHOP, Map.of(
                                "unify.service.name", "Web shop",
                                "unify.service.name.fi", "Verkkokauppa",
                                "unify.service.name.de", "Webshop",
                                "unify.service.description", "Order goods for your business",
                                "unify.service.description.fi", "Tilaa tuotteet yrityksellesi",
                                "unify.service.url", "https://shop.example",
                                "unify.service.icon", "https://shop.example/icon.svg")),
                        service(INVOICES, Map.of("unify.service.name", "Invoices", "unify.service.name.fi", "Laskut",
                                "unify.service.url", "https://invoices.example")),
                        service(REPORTS, Map.of("unify.service.name", "Reports", "unify.service.name.fi", "Raportit")),
                        client(PORTAL, Map.of()))
                .realmRoles(role("unify-company-admin", "Administers the accounts of their own company"))
                .users(user(ACME_ADMIN, "Aino", "Admin", "fi", List.of("unify-company-admin"), Map.of(SHOP, List.of("access"))),
                        user(ACME_MEMBER, "Matti", "Meikäläinen", "fi", List.of(), Map.of(SHOP, List.of("access"))),
                        user(ACME_NO_RIGHTS, "Liisa", "Laine", "fi", List.of(), Map.of()),
                        user(ACME_REALM_ADMIN, "Root", "Admin", "en", List.of(),
                                Map.of("realm-management", List.of("realm-admin"))),
                        user(GLOBEX_ADMIN, "Bert", "Admin", "de", List.of("unify-company-admin"), Map.of()),
                        user(GLOBEX_MEMBER, "Berta", "Beispiel", "de", List.of(), Map.of(INVOICES, List.of("access"))))
                .update(rep -> {
                    rep.setLoginTheme("unify");
                    rep.setEmailTheme("unify");
                    RolesRepresentation roles = rep.getRoles() == null ? new RolesRepresentation() : rep.getRoles();
                    Map<String, List<RoleRepresentation>> clientRoles = roles.getClient() == null
                            ? new LinkedHashMap<>() : new LinkedHashMap<>(roles.getClient());
                    for (String service : List.of(SHOP, INVOICES, REPORTS)) {
                        clientRoles.put(service, List.of(role("access", "May use the service")));
                    }
                    roles.setClient(clientRoles);
                    rep.setRoles(roles);
                });
    }

    private static ClientRepresentation service(String clientId, Map<String, String> texts) {
        Map<String, String> attributes = new LinkedHashMap<>(texts);
        attributes.put("unify.service", "true");
        return client(clientId, attributes);
    }

    private static ClientRepresentation client(String clientId, Map<String, String> attributes) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setSecret(SECRET);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setRedirectUris(List.of("*"));
        client.setWebOrigins(List.of(APP_ORIGIN));
        client.setAttributes(new LinkedHashMap<>(attributes));
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("entitlements");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("unify-entitlements-mapper");
        mapper.setConfig(Map.of("claim.name", "entitlements", "access.token.claim", "true", "id.token.claim", "true",
                "userinfo.token.claim", "true", "introspection.token.claim", "true"));
        // The service introspects its own tokens: Keycloak answers only clients in the token's audience.
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("own audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", clientId, "access.token.claim", "true",
                "introspection.token.claim", "true"));
        client.setProtocolMappers(new ArrayList<>(List.of(mapper, audience)));
        return client;
    }

    private static RoleRepresentation role(String name, String description) {
        RoleRepresentation role = new RoleRepresentation();
        role.setName(name);
        role.setDescription(description);
        return role;
    }

    private static UserRepresentation user(String email, String first, String last, String locale,
            List<String> realmRoles, Map<String, List<String>> clientRoles) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("locale", List.of(locale)));
        user.setRealmRoles(realmRoles.isEmpty() ? null : realmRoles);
        user.setClientRoles(clientRoles.isEmpty() ? null : clientRoles);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        return user;
    }
}
