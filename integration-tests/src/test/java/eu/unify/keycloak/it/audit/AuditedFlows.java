package eu.unify.keycloak.it.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The flows an admin builds in the console for Unify's steps (as the activation and entitlements ITs do), so that the
 * audit ITs can drive those steps in a realm with the audit listener on.
 */
final class AuditedFlows {

    private static final String RESET_FLOW = "unify reset by code";
    private static final String RESET_PROVIDER = "unify-reset-code";
    private static final String GATED = "unify browser";
    private static final String IDENTIFY = "unify browser - identify";
    private static final String FORMS = "unify browser - forms";

    private AuditedFlows() {
    }

    /** Copy of "reset credentials" with "Send Reset Email" replaced by {@code unify-reset-code}, bound as reset flow. */
    static void installResetByCode(ManagedRealm realm, Map<String, String> config) {
        AuthenticationManagementResource flows = realm.admin().flows();
        flows.copy("reset credentials", Map.of("newName", RESET_FLOW)).close();
        flows.removeExecution(execution(flows, RESET_FLOW, "reset-credential-email").getId());
        flows.addExecution(RESET_FLOW, new HashMap<>(Map.of("provider", RESET_PROVIDER)));
        AuthenticationExecutionInfoRepresentation code = execution(flows, RESET_FLOW, RESET_PROVIDER);
        while (indexOf(flows.getExecutions(RESET_FLOW), code.getId()) > 1) {
            flows.raisePriority(code.getId());
        }
        code = execution(flows, RESET_FLOW, RESET_PROVIDER);
        code.setRequirement("REQUIRED");
        flows.updateExecutions(RESET_FLOW, code);
        AuthenticatorConfigRepresentation configuration = new AuthenticatorConfigRepresentation();
        configuration.setAlias("unify-reset-code-audit");
        configuration.setConfig(config);
        try (Response response = flows.newExecutionConfig(code.getId(), configuration)) {
            check(response, "configuring " + RESET_PROVIDER);
        }
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setResetCredentialsFlow(RESET_FLOW);
        rep.setResetPasswordAllowed(true);
        realm.admin().update(rep);
    }

    /** Browser flow: cookie or username/password form, then {@code unify-service-access}; bound as browser flow. */
    static void installGatedBrowserFlow(ManagedRealm realm) {
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(GATED);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setDescription("Browser sign-in with the Unify service access check");
        try (Response response = flows.createFlow(flow)) {
            check(response, "creating the flow");
        }
        flows.addExecutionFlow(GATED, Map.of("alias", IDENTIFY, "type", "basic-flow", "description", "Who is it?"));
        flows.addExecution(IDENTIFY, Map.of("provider", "auth-cookie"));
        flows.addExecutionFlow(IDENTIFY, Map.of("alias", FORMS, "type", "basic-flow", "description", "Sign-in form"));
        flows.addExecution(FORMS, Map.of("provider", "auth-username-password-form"));
        flows.addExecution(GATED, Map.of("provider", "unify-service-access"));
        Map<String, String> requirements = Map.of(
                IDENTIFY, "REQUIRED",
                "auth-cookie", "ALTERNATIVE",
                FORMS, "ALTERNATIVE",
                "auth-username-password-form", "REQUIRED",
                "unify-service-access", "REQUIRED");
        for (AuthenticationExecutionInfoRepresentation execution : flows.getExecutions(GATED)) {
            String key = Boolean.TRUE.equals(execution.getAuthenticationFlow()) ? execution.getDisplayName()
                    : execution.getProviderId();
            String requirement = requirements.get(key);
            if (requirement == null) {
                throw new IllegalStateException("unexpected execution " + key);
            }
            execution.setRequirement(requirement);
            flows.updateExecutions(GATED, execution);
        }
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBrowserFlow(GATED);
        realm.admin().update(rep);
    }

    private static AuthenticationExecutionInfoRepresentation execution(AuthenticationManagementResource flows,
                                                                        String flow, String providerId) {
        return flows.getExecutions(flow).stream().filter(e -> providerId.equals(e.getProviderId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + providerId + " in " + flow));
    }

    private static int indexOf(List<AuthenticationExecutionInfoRepresentation> executions, String id) {
        for (int i = 0; i < executions.size(); i++) {
            if (executions.get(i).getId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void check(Response response, String what) {
        if (response.getStatus() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + response.getStatus());
        }
    }
}
