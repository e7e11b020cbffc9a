package eu.unify.keycloak.activation.requiredaction;

import java.util.List;
import java.util.Map;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.activation.config.SessionCodeOptions;

/**
 * The admin console options of {@code unify-account-activation}: the options of emailed codes, and whether the code
 * is instead the one printed in the welcome message. Missing or invalid values give the defaults (code emailed when
 * the link is opened).
 */
public final class AccountActivationConfig {

    /** Config key: the user types the code of the welcome message instead of being emailed one. */
    public static final String CODE_IN_WELCOME_MESSAGE = "code.in.welcome.message";

    private static final List<ProviderConfigProperty> PROPERTIES = SessionCodeOptions.addTo(
                    ProviderConfigurationBuilder.create()
                            .property().name(CODE_IN_WELCOME_MESSAGE)
                            .label("Code in the welcome message")
                            .helpText("Off: opening the activation link emails a fresh code (the options below). On: "
                                    + "the welcome message sent with POST .../unify-activation/users/{id}/welcome holds "
                                    + "the activation link and an activation code, and the activation page asks for that "
                                    + "code; no code is emailed when the link is opened, and the options below do not apply. "
                                    + "Length, lifetime and wrong tries of such codes are those of the 'Unify: link to "
                                    + "account by activation code' step (default 14 symbols, 7 days, 5 tries). Default off.")
                            .type(ProviderConfigProperty.BOOLEAN_TYPE)
                            .defaultValue("false").add())
            .build();

    private AccountActivationConfig() {
    }

    /** The options with label, help text and default, in console order. */
    public static List<ProviderConfigProperty> properties() {
        return PROPERTIES;
    }

    /** Whether {@code config} (the action's settings; may be null) asks for the welcome message's code. */
    public static boolean codeInWelcomeMessage(Map<String, String> config) {
        return config != null && Boolean.parseBoolean(String.valueOf(config.get(CODE_IN_WELCOME_MESSAGE)).trim());
    }

    /** Whether the realm has the action enabled with the welcome message's code switched on. */
    public static boolean codeInWelcomeMessage(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(AccountActivationRequiredActionFactory.ID);
        if (action == null || !action.isEnabled()) {
            return false;
        }
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(AccountActivationRequiredActionFactory.ID);
        return config != null && codeInWelcomeMessage(config.getConfig());
    }
}
