package eu.unify.keycloak.activation.code;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How codes of one kind are issued and checked: length, lifetime, wrong tries allowed, and resend limits.
 *
 * <p>The constructor is strict: every value must be within the bounds below, or an {@link IllegalArgumentException}
 * names the field and the allowed range. Admin input comes as strings through {@link #fromConfig} (lenient, used at
 * login time: a missing, blank, non-numeric or out-of-range value falls back to that field's default, so a careless
 * edit can never break a login) or {@link #parseStrict} (used to validate the admin form and report mistakes).
 *
 * <table>
 *   <caption>Defaults and bounds</caption>
 *   <tr><th>field</th><th>SESSION</th><th>ACCOUNT</th><th>bounds</th></tr>
 *   <tr><td>length</td><td>8</td><td>14</td><td>{@link CodeKind#minLength()}..{@link CodeKind#maxLength()}</td></tr>
 *   <tr><td>lifetime</td><td>10 min</td><td>7 days</td><td>SESSION 1..60 min; ACCOUNT 1 h..30 days</td></tr>
 *   <tr><td>maxAttempts</td><td>5</td><td>5</td><td>1..10</td></tr>
 *   <tr><td>resendCooldown</td><td>60 s</td><td>60 s</td><td>10 s..1 h</td></tr>
 *   <tr><td>maxSendsPerHour</td><td>5</td><td>5</td><td>1..20</td></tr>
 * </table>
 *
 * <p>For SESSION codes {@code maxAttempts} is the number of wrong tries that voids the code. A wrong ACCOUNT code
 * matches no stored code and so cannot be charged to one; for them the caller applies {@code maxAttempts} to the wrong
 * tries within one authentication session instead, while the 64+ bits of entropy make guessing hopeless anyway.
 * {@code maxSendsPerHour} counts every message sent, the first one included.
 *
 * @param kind            the kind of code this policy is for
 * @param length          symbols per code
 * @param lifetime        time from issue to expiry
 * @param maxAttempts     wrong tries allowed before the code is void
 * @param resendCooldown  minimum time between two sends
 * @param maxSendsPerHour sends allowed in any sliding hour
 */
public record CodePolicy(CodeKind kind, int length, Duration lifetime, int maxAttempts, Duration resendCooldown,
                         int maxSendsPerHour) {

    /** Config key: code length in symbols. */
    public static final String CONFIG_LENGTH = "code.length";
    /** Config key: lifetime in whole minutes (7 days = 10080). */
    public static final String CONFIG_LIFETIME_MINUTES = "code.lifetime.minutes";
    /** Config key: wrong tries before the code is void. */
    public static final String CONFIG_MAX_ATTEMPTS = "code.max.attempts";
    /** Config key: resend cooldown in whole seconds. */
    public static final String CONFIG_RESEND_COOLDOWN_SECONDS = "code.resend.cooldown.seconds";
    /** Config key: sends allowed per sliding hour. */
    public static final String CONFIG_MAX_SENDS_PER_HOUR = "code.max.sends.per.hour";

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofSeconds(60);
    /** Five sends an hour: enough for a lost or slow message and a typo in the address, too few to flood an inbox. */
    public static final int DEFAULT_MAX_SENDS_PER_HOUR = 5;

    public static final int LOWEST_MAX_ATTEMPTS = 1;
    public static final int HIGHEST_MAX_ATTEMPTS = 10;
    public static final Duration SHORTEST_RESEND_COOLDOWN = Duration.ofSeconds(10);
    public static final Duration LONGEST_RESEND_COOLDOWN = Duration.ofHours(1);
    public static final int LOWEST_MAX_SENDS_PER_HOUR = 1;
    public static final int HIGHEST_MAX_SENDS_PER_HOUR = 20;

    public CodePolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(resendCooldown, "resendCooldown");
        kind.requireValidLength(length);
        requireWithin("lifetime of " + kind + " codes", lifetime, minLifetime(kind), maxLifetime(kind));
        requireWithin("maxAttempts", maxAttempts, LOWEST_MAX_ATTEMPTS, HIGHEST_MAX_ATTEMPTS);
        requireWithin("resendCooldown", resendCooldown, SHORTEST_RESEND_COOLDOWN, LONGEST_RESEND_COOLDOWN);
        requireWithin("maxSendsPerHour", maxSendsPerHour, LOWEST_MAX_SENDS_PER_HOUR, HIGHEST_MAX_SENDS_PER_HOUR);
    }

    /** The defaults for a kind: 8 digits / 10 minutes for SESSION, 14 symbols / 7 days for ACCOUNT; 5 tries, 60 s, 5/h. */
    public static CodePolicy defaults(CodeKind kind) {
        Objects.requireNonNull(kind, "kind");
        return new CodePolicy(kind, kind.defaultLength(), defaultLifetime(kind), DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RESEND_COOLDOWN, DEFAULT_MAX_SENDS_PER_HOUR);
    }

    public static Duration defaultLifetime(CodeKind kind) {
        return kind == CodeKind.SESSION ? Duration.ofMinutes(10) : Duration.ofDays(7);
    }

    /** Session codes outlive a typical authentication session only briefly; account codes may travel by post. */
    public static Duration minLifetime(CodeKind kind) {
        return kind == CodeKind.SESSION ? Duration.ofMinutes(1) : Duration.ofHours(1);
    }

    public static Duration maxLifetime(CodeKind kind) {
        return kind == CodeKind.SESSION ? Duration.ofHours(1) : Duration.ofDays(30);
    }

    /**
     * A policy from an authenticator's config map that never fails: each value that is missing, blank, not a whole
     * number, or outside its bounds is replaced by that field's default. Fields are independent, so one bad value
     * does not discard the good ones.
     *
     * @param config string values keyed by the constants of this class; {@code null} means all defaults
     */
    public static CodePolicy fromConfig(CodeKind kind, Map<String, String> config) {
        return parse(kind, config, false);
    }

    /**
     * A policy from an authenticator's config map, for validating the admin form: missing or blank values take the
     * default, anything else must be a whole number within bounds.
     *
     * @throws IllegalArgumentException naming the config key and its allowed range
     */
    public static CodePolicy parseStrict(CodeKind kind, Map<String, String> config) {
        return parse(kind, config, true);
    }

    private static CodePolicy parse(CodeKind kind, Map<String, String> config, boolean strict) {
        Objects.requireNonNull(kind, "kind");
        Map<String, String> values = config == null ? Map.of() : config;
        CodePolicy defaults = defaults(kind);

        int length = (int) read(values, CONFIG_LENGTH, defaults.length(), kind.minLength(), kind.maxLength(), strict);
        long lifetimeMinutes = read(values, CONFIG_LIFETIME_MINUTES, defaults.lifetime().toMinutes(),
                minLifetime(kind).toMinutes(), maxLifetime(kind).toMinutes(), strict);
        int maxAttempts = (int) read(values, CONFIG_MAX_ATTEMPTS, defaults.maxAttempts(),
                LOWEST_MAX_ATTEMPTS, HIGHEST_MAX_ATTEMPTS, strict);
        long cooldownSeconds = read(values, CONFIG_RESEND_COOLDOWN_SECONDS, defaults.resendCooldown().toSeconds(),
                SHORTEST_RESEND_COOLDOWN.toSeconds(), LONGEST_RESEND_COOLDOWN.toSeconds(), strict);
        int maxSends = (int) read(values, CONFIG_MAX_SENDS_PER_HOUR, defaults.maxSendsPerHour(),
                LOWEST_MAX_SENDS_PER_HOUR, HIGHEST_MAX_SENDS_PER_HOUR, strict);

        return new CodePolicy(kind, length, Duration.ofMinutes(lifetimeMinutes), maxAttempts,
                Duration.ofSeconds(cooldownSeconds), maxSends);
    }

    private static long read(Map<String, String> values, String key, long fallback, long min, long max,
                             boolean strict) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            if (strict) {
                throw new IllegalArgumentException(
                        key + " must be a whole number between " + min + " and " + max + ", was '" + raw + "'");
            }
            return fallback;
        }
        if (value < min || value > max) {
            if (strict) {
                throw new IllegalArgumentException(
                        key + " must be between " + min + " and " + max + ", was " + value);
            }
            return fallback;
        }
        return value;
    }

    private static void requireWithin(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requireWithin(String field, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be between " + human(min) + " and " + human(max)
                    + ", was " + human(value));
        }
    }

    // "10 minutes" reads better than "PT10M" in an admin-facing message.
    private static String human(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            return duration.toString();
        }
        if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + (duration.toMinutes() == 1 ? " minute" : " minutes");
        }
        return duration.toSeconds() + " seconds";
    }
}
