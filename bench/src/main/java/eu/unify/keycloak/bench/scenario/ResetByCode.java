package eu.unify.keycloak.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Browser;

/**
 * The reset-credentials flow with {@code unify-reset-code} in place of "Send Reset Email", built as
 * authenticator-activation-code/README.md tells admins to (the same flow as the demo realm's), and the browser steps
 * up to the code form.
 */
final class ResetByCode {

    static final String FLOW = "unify reset by code";
    static final String CONFIG_ALIAS = "unify reset by code - bench";
    static final String CODE_FORM = "unify-code-form";

    private ResetByCode() {
    }

    /** Adds and binds the flow. The options lift the limits a benchmark would hit. */
    static void configure(BenchRealm realm, int maxAttempts) {
        ObjectNode rep = realm.representation();
        rep.put("resetCredentialsFlow", FLOW);
        ArrayNode flows = rep.putArray("authenticationFlows");
        ObjectNode flow = flows.addObject()
                .put("alias", FLOW)
                .put("description", "Password reset by an emailed code (unify-reset-code) instead of a link")
                .put("providerId", "basic-flow")
                .put("topLevel", true)
                .put("builtIn", false);
        ArrayNode executions = flow.putArray("authenticationExecutions");
        execution(executions, "reset-credentials-choose-user", 10);
        execution(executions, "unify-reset-code", 20).put("authenticatorConfig", CONFIG_ALIAS);
        execution(executions, "reset-password", 30);
        executions.addObject()
                .put("authenticatorFlow", true)
                .put("flowAlias", FLOW + " - conditional OTP")
                .put("requirement", "CONDITIONAL")
                .put("priority", 40)
                .put("userSetupAllowed", false);
        ObjectNode otp = flows.addObject()
                .put("alias", FLOW + " - conditional OTP")
                .put("description", "Asks for the second factor after the reset when the user has one")
                .put("providerId", "basic-flow")
                .put("topLevel", false)
                .put("builtIn", false);
        ArrayNode otpExecutions = otp.putArray("authenticationExecutions");
        execution(otpExecutions, "conditional-user-configured", 10);
        execution(otpExecutions, "reset-otp", 20);

        ObjectNode config = rep.putArray("authenticatorConfig").addObject().put("alias", CONFIG_ALIAS)
                .putObject("config");
        Map.of("code.length", "8",
                "code.lifetime.minutes", "60",
                "code.max.attempts", Integer.toString(maxAttempts),
                "code.resend.cooldown.seconds", "10",
                "code.max.sends.per.hour", "20").forEach(config::put);
    }

    private static ObjectNode execution(ArrayNode executions, String authenticator, int priority) {
        return executions.addObject()
                .put("authenticator", authenticator)
                .put("authenticatorFlow", false)
                .put("requirement", "REQUIRED")
                .put("priority", priority)
                .put("userSetupAllowed", false);
    }

    /**
     * A fresh browser's way to the code form: authorization request, "Forgot password?", the address posted to
     * "Choose User" (which sends the code).
     *
     * @return the code form's action
     */
    static URI requestCode(Browser browser, URI realmUrl, String email) throws IOException, InterruptedException {
        Browser.Page codePage = browser.follow(browser.post(openResetForm(browser, realmUrl), Map.of("username", email)),
                uri -> false);
        return codeFormAction(codePage);
    }

    /**
     * A fresh browser's way to "Forgot password?": authorization request, the link on the login page.
     *
     * @return the action of the form that takes the address
     */
    static URI openResetForm(Browser browser, URI realmUrl) throws IOException, InterruptedException {
        Browser.Page login = browser.get(BenchRealm.authorizationUrl(realmUrl));
        String reset = login.html().link("/login-actions/reset-credentials").orElseThrow(
                () -> new IllegalStateException("No \"Forgot password?\" link: " + login.html().excerpt()));
        Browser.Page choose = browser.follow(browser.get(login.uri().resolve(reset)), uri -> false);
        String chooseAction = choose.html().formAction("kc-reset-password-form").orElseThrow(
                () -> new IllegalStateException("No reset form: " + choose.html().excerpt()));
        return choose.uri().resolve(chooseAction);
    }

    static URI codeFormAction(Browser.Page page) {
        return page.uri().resolve(page.html().formAction(CODE_FORM).orElseThrow(
                () -> new IllegalStateException("No code form: " + page.html().excerpt())));
    }
}
