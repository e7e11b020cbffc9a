package eu.unify.keycloak.it.activation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What ops do to let pre-created users link an external sign-in with their welcome code: a client in the external
 * provider (here a second realm of the same server), an OpenID Connect identity provider in the Unify realm, and a
 * copy of "first broker login" in which {@code unify-activation-code} replaces "User creation or linking".
 */
final class ExternalLoginSetup {

    static final String ALIAS = "partner-idp";
    static final String FLOW = "first broker login by activation code";
    static final String PROVIDER = "unify-activation-code";

    private static final String CLIENT_ID = "unify-broker";
    private static final String CLIENT_SECRET = "broker-secret-for-tests";

    private ExternalLoginSetup() {
    }

    static void install(ManagedRealm realm, ManagedRealm external) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT_ID);
        client.setSecret(CLIENT_SECRET);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setProtocol("openid-connect");
        client.setRedirectUris(List.of(realm.getBaseUrl() + "/broker/" + ALIAS + "/endpoint"));
        try (Response response = external.admin().clients().create(client)) {
            require(response, "client in the external realm");
        }

        installFlow(realm);

        String issuer = external.getBaseUrl();
        Map<String, String> config = new HashMap<>();
        config.put("clientId", CLIENT_ID);
        config.put("clientSecret", CLIENT_SECRET);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("issuer", issuer);
        config.put("authorizationUrl", issuer + "/protocol/openid-connect/auth");
        config.put("tokenUrl", issuer + "/protocol/openid-connect/token");
        config.put("userInfoUrl", issuer + "/protocol/openid-connect/userinfo");
        config.put("jwksUrl", issuer + "/protocol/openid-connect/certs");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("defaultScope", "openid profile email");
        config.put("syncMode", "IMPORT");
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(ALIAS);
        idp.setDisplayName("Partner sign-in");
        idp.setProviderId("oidc");
        idp.setEnabled(true);
        idp.setFirstBrokerLoginFlowAlias(FLOW);
        idp.setConfig(config);
        try (Response response = realm.admin().identityProviders().create(idp)) {
            require(response, "identity provider");
        }
    }

    private static void installFlow(ManagedRealm realm) {
        AuthenticationManagementResource flows = realm.admin().flows();
        flows.copy("first broker login", Map.of("newName", FLOW)).close();
        AuthenticationExecutionInfoRepresentation linking = flows.getExecutions(FLOW).stream()
                // The copy names its sub-flows "<new name> <original name>".
                .filter(e -> e.getLevel() == 0 && e.getDisplayName() != null
                        && e.getDisplayName().endsWith("User creation or linking"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'User creation or linking' in " + FLOW));
        flows.removeExecution(linking.getId());
        flows.addExecution(FLOW, new HashMap<>(Map.of("provider", PROVIDER)));
        AuthenticationExecutionInfoRepresentation code = execution(flows);
        // Right after "Review Profile", where "User creation or linking" was.
        while (topLevelIndex(flows, code.getId()) > 1) {
            flows.raisePriority(code.getId());
        }
        code = execution(flows);
        code.setRequirement("REQUIRED");
        flows.updateExecutions(FLOW, code);
    }

    private static AuthenticationExecutionInfoRepresentation execution(AuthenticationManagementResource flows) {
        return flows.getExecutions(FLOW).stream()
                .filter(e -> PROVIDER.equals(e.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + PROVIDER + " in " + FLOW));
    }

    private static int topLevelIndex(AuthenticationManagementResource flows, String executionId) {
        List<AuthenticationExecutionInfoRepresentation> topLevel = flows.getExecutions(FLOW).stream()
                .filter(e -> e.getLevel() == 0).toList();
        for (int i = 0; i < topLevel.size(); i++) {
            if (topLevel.get(i).getId().equals(executionId)) {
                return i;
            }
        }
        return -1;
    }

    private static void require(Response response, String what) {
        if (response.getStatus() != 201) {
            throw new IllegalStateException(what + " not created: " + response.getStatus());
        }
    }
}
