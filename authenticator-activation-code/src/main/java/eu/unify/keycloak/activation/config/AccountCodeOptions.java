package eu.unify.keycloak.activation.config;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodePolicy;

/**
 * The admin console options of activation codes that name their account on their own (the welcome-message code of
 * {@code unify-activation-code}). The same options decide how codes are issued (length, lifetime) and how typed codes
 * are limited (wrong tries per sign-in and per address). Empty or invalid values fall back to the defaults, so a
 * half-filled form never breaks a sign-in.
 */
public final class AccountCodeOptions {

    /** Config key: lifetime in whole days; the console shows days, the policy counts minutes. */
    public static final String LIFETIME_DAYS = "code.lifetime.days";
    /** Config key: wrong codes one IP address may type per hour, across all sign-ins, before they are slowed down. */
    public static final String MAX_FAILURES_PER_ADDRESS = "code.max.failures.per.address";

    /** The step whose settings these are ({@code ActivationCodeAuthenticatorFactory.ID}). */
    static final String STEP_ID = "unify-activation-code";

    public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 30;
    static final int LOWEST_MAX_FAILURES_PER_ADDRESS = 1;
    static final int HIGHEST_MAX_FAILURES_PER_ADDRESS = 1000;

    static final long DEFAULT_LIFETIME_DAYS = CodePolicy.defaultLifetime(CodeKind.ACCOUNT).toDays();
    static final long LONGEST_LIFETIME_DAYS = CodePolicy.maxLifetime(CodeKind.ACCOUNT).toDays();

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(CodePolicy.CONFIG_LENGTH)
            .label("Code length")
            .helpText("Letters and digits in a new activation code, " + CodeKind.ACCOUNT.minLength() + " to "
                    + CodeKind.ACCOUNT.maxLength() + " (5 bits each, so at least 65 bits). The code is shown in groups "
                    + "of four, such as K7Q2-9XMD-4TPA-R3. Default " + CodeKind.ACCOUNT.defaultLength() + ".")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(CodeKind.ACCOUNT.defaultLength())).add()
            .property().name(LIFETIME_DAYS)
            .label("Code lifetime (days)")
            .helpText("How long a new activation code stays valid, 1 to " + LONGEST_LIFETIME_DAYS + " days. Applies to "
                    + "codes issued after the change. Default " + DEFAULT_LIFETIME_DAYS + ".")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(DEFAULT_LIFETIME_DAYS)).add()
            .property().name(CodePolicy.CONFIG_MAX_ATTEMPTS)
            .label("Wrong codes per sign-in")
            .helpText("After this many wrong codes the sign-in is refused and the user must start again, 1 to 10. "
                    + "Default " + CodePolicy.DEFAULT_MAX_ATTEMPTS + ".")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(CodePolicy.DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(MAX_FAILURES_PER_ADDRESS)
            .label("Wrong codes per IP address and hour before slowing down")
            .helpText("Wrong codes one IP address may type within an hour, over all its sign-ins, before its tries "
                    + "are slowed down, " + LOWEST_MAX_FAILURES_PER_ADDRESS + " to " + HIGHEST_MAX_FAILURES_PER_ADDRESS
                    + ". Beyond it, each further try of a sign-in after a wrong code waits 1, 2, 4, ... seconds, at "
                    + "most 5 minutes; the first try of every sign-in is always checked, so users behind the same "
                    + "address (a company proxy) still get in with a right code. Logged once per hour under the "
                    + "category eu.unify.keycloak.activation.guessing. Default " + DEFAULT_MAX_FAILURES_PER_ADDRESS + ".")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(DEFAULT_MAX_FAILURES_PER_ADDRESS)).add()
            .property().name(SessionCodeOptions.MAX_WRONG_CODES_IN_A_ROW)
            .label("Wrong codes per account in a row")
            .helpText(SessionCodeOptions.MAX_WRONG_CODES_IN_A_ROW_HELP + " Here a used or expired code counts for the "
                    + "account it names; so does a wrong code typed on the activation page of the account.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(SessionCodeOptions.DEFAULT_MAX_WRONG_CODES_IN_A_ROW)).add()
            .build();

    private final CodePolicy policy;
    private final int maxFailuresPerAddress;
    private final int maxWrongCodesInARow;

    private AccountCodeOptions(CodePolicy policy, int maxFailuresPerAddress, int maxWrongCodesInARow) {
        this.policy = policy;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.maxWrongCodesInARow = maxWrongCodesInARow;
    }

    /** The options with label, help text and default, in console order. */
    public static List<ProviderConfigProperty> properties() {
        return PROPERTIES;
    }

    /** The options an admin configured; {@code null} or missing values give the defaults. */
    public static AccountCodeOptions of(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        Map<String, String> policyConfig = new HashMap<>();
        copy(values, CodePolicy.CONFIG_LENGTH, policyConfig);
        copy(values, CodePolicy.CONFIG_MAX_ATTEMPTS, policyConfig);
        long days = wholeNumber(values.get(LIFETIME_DAYS), 1, LONGEST_LIFETIME_DAYS, DEFAULT_LIFETIME_DAYS);
        policyConfig.put(CodePolicy.CONFIG_LIFETIME_MINUTES, Long.toString(days * 24 * 60));
        int perAddress = (int) wholeNumber(values.get(MAX_FAILURES_PER_ADDRESS), LOWEST_MAX_FAILURES_PER_ADDRESS,
                HIGHEST_MAX_FAILURES_PER_ADDRESS, DEFAULT_MAX_FAILURES_PER_ADDRESS);
        return new AccountCodeOptions(CodePolicy.fromConfig(CodeKind.ACCOUNT, policyConfig), perAddress,
                SessionCodeOptions.maxWrongCodesInARow(values));
    }

    /**
     * The options of the realm's {@code unify-activation-code} step (the first one by flow name if several flows have
     * it), or the defaults, so admins configure welcome codes in one place.
     */
    public static AccountCodeOptions ofRealm(RealmModel realm) {
        Map<String, String> config = realm.getAuthenticationFlowsStream()
                .sorted(Comparator.comparing(flow -> flow.getAlias() == null ? "" : flow.getAlias()))
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> STEP_ID.equals(execution.getAuthenticator()))
                .map(execution -> execution.getAuthenticatorConfig() == null
                        ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                .filter(Objects::nonNull)
                .map(AuthenticatorConfigModel::getConfig)
                .findFirst()
                .orElse(null);
        return of(config);
    }

    /** Length and lifetime of new codes; {@code maxAttempts} is the limit of wrong codes per sign-in. */
    public CodePolicy policy() {
        return policy;
    }

    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    /** The bound on an account's wrong codes in a row (see {@code CodeLockout}). */
    public int maxWrongCodesInARow() {
        return maxWrongCodesInARow;
    }

    private static void copy(Map<String, String> from, String key, Map<String, String> to) {
        String value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }

    private static long wholeNumber(String raw, long min, long max, long fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            return value < min || value > max ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
