package eu.unify.keycloak.it.activation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What an admin does in the console to switch password reset to codes: copy the built-in "reset credentials" flow,
 * replace "Send Reset Email" with "unify-reset-code", bind the copy as the realm's reset flow.
 */
public final class ResetCodeFlow {

    public static final String FLOW = "unify reset by code";
    public static final String PROVIDER = "unify-reset-code";

    private ResetCodeFlow() {
    }

    public static void install(ManagedRealm realm, Map<String, String> config) {
        install(realm.admin(), config);
    }

    /** As {@link #install(ManagedRealm, Map)}, for a realm the test framework does not manage (the cluster's). */
    public static void install(RealmResource realm, Map<String, String> config) {
        AuthenticationManagementResource flows = realm.flows();
        flows.copy("reset credentials", Map.of("newName", FLOW)).close();
        AuthenticationExecutionInfoRepresentation email = execution(flows, "reset-credential-email");
        flows.removeExecution(email.getId());
        flows.addExecution(FLOW, new HashMap<>(Map.of("provider", PROVIDER)));
        AuthenticationExecutionInfoRepresentation code = execution(flows, PROVIDER);
        while (indexOf(flows, code.getId()) > 1) {
            flows.raisePriority(code.getId());
        }
        code = execution(flows, PROVIDER);
        code.setRequirement("REQUIRED");
        flows.updateExecutions(FLOW, code);
        AuthenticatorConfigRepresentation configuration = new AuthenticatorConfigRepresentation();
        configuration.setAlias("unify-reset-code-test");
        configuration.setConfig(config);
        try (Response response = flows.newExecutionConfig(code.getId(), configuration)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("config not created: " + response.getStatus());
            }
        }

        RealmRepresentation rep = realm.toRepresentation();
        rep.setResetCredentialsFlow(FLOW);
        rep.setResetPasswordAllowed(true);
        rep.setEventsEnabled(true);
        realm.update(rep);
    }

    /** Changes one option of the installed step, as an admin would in its settings; returns the previous value. */
    static String setOption(ManagedRealm realm, String key, String value) {
        AuthenticationManagementResource flows = realm.admin().flows();
        String configId = execution(flows, PROVIDER).getAuthenticationConfig();
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(configId);
        Map<String, String> values = new HashMap<>(config.getConfig());
        String previous = values.put(key, value);
        config.setConfig(values);
        flows.updateAuthenticatorConfig(configId, config);
        return previous;
    }

    private static AuthenticationExecutionInfoRepresentation execution(AuthenticationManagementResource flows,
                                                                        String providerId) {
        return flows.getExecutions(FLOW).stream()
                .filter(e -> providerId.equals(e.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + providerId + " in " + FLOW));
    }

    private static int indexOf(AuthenticationManagementResource flows, String executionId) {
        List<AuthenticationExecutionInfoRepresentation> executions = flows.getExecutions(FLOW);
        for (int i = 0; i < executions.size(); i++) {
            if (executions.get(i).getId().equals(executionId)) {
                return i;
            }
        }
        return -1;
    }
}
