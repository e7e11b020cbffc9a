package eu.unify.keycloak.activation.authenticator;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.config.SessionCodeOptions;

/**
 * Options of the {@code unify-reset-code} step. Every value has a safe default; an empty or invalid field falls back
 * to it, so a half-filled configuration never breaks a password reset.
 *
 * <p>Earlier versions had a "Minimum response time" ({@code response.floor.millis}): every request that sent a code
 * slept until it had taken that long. It is gone, because a sleeping request holds a worker thread, and a flood of
 * such requests held every sign-in of the server up. Known and unknown identifiers now take the same time because they
 * do the same work (the mail goes out after the response). A value left in an existing configuration is ignored.
 */
final class ResetCodeConfig {

    /** The former minimum response time, ignored if still present in a configuration. */
    static final String RETIRED_MIN_RESPONSE_MILLIS = "response.floor.millis";

    static final List<ProviderConfigProperty> PROPERTIES = SessionCodeOptions.properties();

    private final CodePolicy policy;
    private final int maxWrongCodesInARow;

    private ResetCodeConfig(CodePolicy policy, int maxWrongCodesInARow) {
        this.policy = policy;
        this.maxWrongCodesInARow = maxWrongCodesInARow;
    }

    static ResetCodeConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new ResetCodeConfig(SessionCodeOptions.policy(config), SessionCodeOptions.maxWrongCodesInARow(config));
    }

    CodePolicy policy() {
        return policy;
    }

    int maxWrongCodesInARow() {
        return maxWrongCodesInARow;
    }
}
