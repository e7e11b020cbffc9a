package eu.unify.keycloak.activation.requiredaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.activation.config.SessionCodeOptions;

/**
 * The admin console options of {@code unify-account-activation}: the options of emailed codes, and whether the code
 * is instead the one printed in the welcome message, and whether a completed activation signs the user in. Missing or
 * invalid values give the defaults (code emailed when the link is opened; signed in after activation).
 */
public final class AccountActivationConfig {

    /** Config key: the user types the code of the welcome message instead of being emailed one. */
    public static final String CODE_IN_WELCOME_MESSAGE = "code.in.welcome.message";
    /** Config key: a completed activation ends signed in on the service instead of Keycloak's confirmation page. */
    public static final String SIGN_IN_AFTER_ACTIVATION = "sign.in.after.activation";
    /** Config key: where an activation whose link names no service ends; empty means the account console. */
    public static final String LANDING_PAGE = "landing.page";

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
                            .defaultValue("false").add()
                            .property().name(SIGN_IN_AFTER_ACTIVATION)
                            .label("Sign in after activation")
                            .helpText("On: once the code is right and the user has chosen a password, the user is signed "
                                    + "in (a normal login: session, single sign-on, LOGIN event) and the browser goes to the "
                                    + "redirect URI of the activation link, where the service's own sign-in completes "
                                    + "without asking again. Applies only when the password is chosen in the same "
                                    + "activation; an account that already had one, or a realm with 'Update Password' "
                                    + "disabled, gets Keycloak's confirmation page. Off: always Keycloak's confirmation "
                                    + "page with a link back to the service, where the user signs in. Default on.")
                            .type(ProviderConfigProperty.BOOLEAN_TYPE)
                            .defaultValue("true").add()
                            .property().name(LANDING_PAGE)
                            .label("Landing page after activation")
                            .helpText("Where the browser goes after an activation whose link names no service: links "
                                    + "sent with the console's Credential reset or Send email without a client, company "
                                    + "admins' invitations and the legacy move. A full address starting with https:// "
                                    + "(or http://), such as your customer portal. Empty (default): the start page of "
                                    + "Keycloak's account console. Links that name a service (client_id and redirect_uri) "
                                    + "still go to that service.")
                            .type(ProviderConfigProperty.STRING_TYPE)
                            .defaultValue("").add())
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

    /** Whether {@code config} (the action's settings; may be null) lets a completed activation sign the user in. */
    public static boolean signInAfterActivation(Map<String, String> config) {
        String value = config == null ? null : config.get(SIGN_IN_AFTER_ACTIVATION);
        return value == null || value.isBlank() || !"false".equalsIgnoreCase(value.trim());
    }

    /**
     * The landing page {@code config} (the action's settings; may be null) names, if it is a usable absolute http(s)
     * address; anything else counts as not set, so a typo never strands a user on an error page.
     */
    public static Optional<String> landingPage(Map<String, String> config) {
        String value = config == null ? null : config.get(LANDING_PAGE);
        if (value == null || value.isBlank() || landingPageProblem(value) != null) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** Why {@code value} cannot be a landing page, for the admin who saves it; null when it can (or is empty). */
    public static String landingPageProblem(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return "Landing page after activation: '" + trimmed + "' is not a full web address such as "
                + "https://portal.example.com/ (leave it empty for the account console)";
    }

    /** The landing page the realm's action names, if any. */
    public static Optional<String> landingPage(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(AccountActivationRequiredActionFactory.ID);
        return config == null ? Optional.empty() : landingPage(config.getConfig());
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
