package eu.unify.keycloak.it.legacy;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What the module README tells an admin to do for the old-username hint: a browser flow whose form step is
 * "Unify: Username Password Form (old-username hint)" instead of Keycloak's, bound as the realm's browser flow.
 */
final class HintBrowserFlow {

    static final String FLOW = "unify legacy browser";
    static final String FORMS = "unify legacy browser forms";
    static final String PROVIDER = "unify-legacy-username-password-form";

    private HintBrowserFlow() {
    }

    static void install(ManagedRealm realm) {
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(FLOW);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        try (Response response = flows.createFlow(flow)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("flow not created: " + response.getStatus());
            }
        }
        flows.addExecution(FLOW, Map.of("provider", "auth-cookie"));
        flows.addExecutionFlow(FLOW, Map.of("alias", FORMS, "type", "basic-flow", "description", "sign-in forms"));
        flows.addExecution(FORMS, Map.of("provider", PROVIDER));
        require(flows, "auth-cookie", "ALTERNATIVE");
        require(flows, null, "ALTERNATIVE");
        require(flows, PROVIDER, "REQUIRED");

        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBrowserFlow(FLOW);
        realm.admin().update(rep);
    }

    /** Sets the requirement of the step with {@code providerId}, or of the sub-flow when it is null. */
    private static void require(AuthenticationManagementResource flows, String providerId, String requirement) {
        AuthenticationExecutionInfoRepresentation execution = flows.getExecutions(FLOW).stream()
                .filter(e -> providerId == null ? Boolean.TRUE.equals(e.getAuthenticationFlow())
                        : providerId.equals(e.getProviderId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no step " + providerId + " in " + FLOW));
        execution.setRequirement(requirement);
        flows.updateExecutions(FLOW, execution);
    }
}
