package eu.unify.keycloak.it.entitlements;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The browser flow of the entitlements README, built as an admin would in the console: a REQUIRED sub-flow that
 * identifies the user (SSO cookie OR username and password), then {@code unify-service-access} REQUIRED at the top
 * level, so the gate also runs for users who already have an SSO session.
 */
public final class GatedBrowserFlow {

    public static final String ALIAS = "unify browser";
    private static final String IDENTIFY = "unify browser - identify";
    private static final String FORMS = "unify browser - forms";

    private GatedBrowserFlow() {
    }

    public static void install(ManagedRealm realm) {
        install(realm, "auth-username-password-form");
    }

    /** The same flow with {@code formProvider} as its sign-in form (e.g. the legacy module's old-username hint). */
    public static void install(ManagedRealm realm, String formProvider) {
        install(realm.admin(), formProvider);
    }

    /** As {@link #install(ManagedRealm, String)}, for a realm the test framework does not manage (the cluster's). */
    public static void install(RealmResource realm, String formProvider) {
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(ALIAS);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setDescription("Browser sign-in with the Unify service access check");
        try (Response response = flows.createFlow(flow)) {
            check(response, "creating the flow");
        }
        flows.addExecutionFlow(ALIAS, Map.of("alias", IDENTIFY, "type", "basic-flow", "description", "Who is it?"));
        flows.addExecution(IDENTIFY, Map.of("provider", "auth-cookie"));
        flows.addExecutionFlow(IDENTIFY, Map.of("alias", FORMS, "type", "basic-flow", "description", "Sign-in form"));
        flows.addExecution(FORMS, Map.of("provider", formProvider));
        flows.addExecution(ALIAS, Map.of("provider", "unify-service-access"));

        Map<String, String> requirements = Map.of(
                IDENTIFY, "REQUIRED",
                "auth-cookie", "ALTERNATIVE",
                FORMS, "ALTERNATIVE",
                formProvider, "REQUIRED",
                "unify-service-access", "REQUIRED");
        List<AuthenticationExecutionInfoRepresentation> executions = flows.getExecutions(ALIAS);
        for (AuthenticationExecutionInfoRepresentation execution : executions) {
            String key = Boolean.TRUE.equals(execution.getAuthenticationFlow()) ? execution.getDisplayName()
                    : execution.getProviderId();
            String requirement = requirements.get(key);
            if (requirement == null) {
                throw new IllegalStateException("unexpected execution " + key);
            }
            execution.setRequirement(requirement);
            flows.updateExecutions(ALIAS, execution);
        }
        RealmRepresentation rep = realm.toRepresentation();
        rep.setBrowserFlow(ALIAS);
        realm.update(rep);
    }

    private static void check(Response response, String what) {
        if (response.getStatus() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + response.getStatus());
        }
    }
}
