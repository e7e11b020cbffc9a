package eu.unify.keycloak.audit.listener;

import java.util.List;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Server-wide options of the {@code unify-audit} listener, set like any SPI option, e.g.
 * {@code --spi-events-listener--unify-audit--mask-email=true}. A realm's own retention is set in the admin console,
 * see {@link AuditRetention}.
 *
 * @param allRealms            record the events of every realm, whether or not the realm lists the listener
 * @param maskEmail            keep {@code a***@example.com} instead of the full address in usernames and details
 * @param logJson              also log each sealed record as one JSON line on category {@link #JSON_CATEGORY}
 * @param recordTokenRequests  also record successful token requests ({@link #TOKEN_REQUESTS}); their errors always are
 * @param defaultRetentionDays retention of realms without their own setting; 0 keeps records forever
 * @param purgeIntervalMinutes how often the purge of expired records runs
 * @param sealIntervalMillis   how long the sealer rests between runs (records wait about that long to be chained)
 * @param checkpointIntervalMinutes how often each realm's chain gets a signed checkpoint; 0 only on demand
 */
public record AuditOptions(boolean allRealms, boolean maskEmail, boolean logJson, boolean recordTokenRequests,
                           int defaultRetentionDays, int purgeIntervalMinutes, int sealIntervalMillis,
                           int checkpointIntervalMinutes) {

    /** The log category of the JSON lines, for routing them to a SIEM. */
    public static final String JSON_CATEGORY = "eu.unify.audit";

    static final String ALL_REALMS = "all-realms";
    static final String MASK_EMAIL = "mask-email";
    static final String LOG_JSON = "log-json";
    static final String RECORD_TOKEN_REQUESTS = "record-token-requests";
    static final String RETENTION_DAYS = "retention-days";
    static final String PURGE_INTERVAL_MINUTES = "purge-interval-minutes";
    static final String SEAL_INTERVAL_MILLIS = "seal-interval-millis";
    static final String CHECKPOINT_INTERVAL_MINUTES = "checkpoint-interval-minutes";

    static final int DEFAULT_RETENTION_DAYS = 365;
    static final int DEFAULT_PURGE_INTERVAL_MINUTES = 60;
    static final int MAX_RETENTION_DAYS = 36_500;
    static final int DEFAULT_SEAL_INTERVAL_MILLIS = 1000;
    static final int DEFAULT_CHECKPOINT_INTERVAL_MINUTES = 60;

    /**
     * The successful user events of the token and userinfo endpoints: an application using a sign-in that is already
     * recorded (its {@code LOGIN}, with the session id these events carry too). They are most of a realm's events (an
     * exchange per sign-in, a refresh every few minutes per session) and, unlike a sign-in, need no database write in
     * stock Keycloak, so they are recorded only with {@value #RECORD_TOKEN_REQUESTS}. Their errors ({@code
     * CODE_TO_TOKEN_ERROR}, {@code REFRESH_TOKEN_ERROR}, ...: a reused code, a stolen or revoked refresh token) are
     * other types and always recorded. By name, so that a type Keycloak drops does not break the build.
     */
    static final Set<String> TOKEN_REQUESTS = Set.of("CODE_TO_TOKEN", "REFRESH_TOKEN", "INTROSPECT_TOKEN",
            "USER_INFO_REQUEST", "VALIDATE_ACCESS_TOKEN");

    /** The default options, as a server without any {@code unify-audit} option has them. */
    static final AuditOptions DEFAULTS = new AuditOptions(false, false, false, false, DEFAULT_RETENTION_DAYS,
            DEFAULT_PURGE_INTERVAL_MINUTES, DEFAULT_SEAL_INTERVAL_MILLIS, DEFAULT_CHECKPOINT_INTERVAL_MINUTES);

    public AuditOptions {
        if (defaultRetentionDays < 0 || defaultRetentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException(RETENTION_DAYS + " must be between 0 and " + MAX_RETENTION_DAYS);
        }
        if (purgeIntervalMinutes < 1) {
            throw new IllegalArgumentException(PURGE_INTERVAL_MINUTES + " must be at least 1");
        }
        if (sealIntervalMillis < 10 || sealIntervalMillis > 60_000) {
            throw new IllegalArgumentException(SEAL_INTERVAL_MILLIS + " must be between 10 and 60000");
        }
        if (checkpointIntervalMinutes < 0) {
            throw new IllegalArgumentException(CHECKPOINT_INTERVAL_MINUTES + " must be 0 or more");
        }
    }

    static AuditOptions from(Config.Scope config) {
        return new AuditOptions(
                config.getBoolean(ALL_REALMS, false),
                config.getBoolean(MASK_EMAIL, false),
                config.getBoolean(LOG_JSON, false),
                config.getBoolean(RECORD_TOKEN_REQUESTS, false),
                config.getInt(RETENTION_DAYS, DEFAULT_RETENTION_DAYS),
                config.getInt(PURGE_INTERVAL_MINUTES, DEFAULT_PURGE_INTERVAL_MINUTES),
                config.getInt(SEAL_INTERVAL_MILLIS, DEFAULT_SEAL_INTERVAL_MILLIS),
                config.getInt(CHECKPOINT_INTERVAL_MINUTES, DEFAULT_CHECKPOINT_INTERVAL_MINUTES));
    }

    /** Whether a user event of this type is recorded: every type but the successful token requests, unless asked. */
    boolean records(String userEventType) {
        return recordTokenRequests || !TOKEN_REQUESTS.contains(userEventType);
    }

    static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ALL_REALMS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Record all realms")
                .helpText("Record the events of every realm of the server, also of realms that do not list "
                        + "unify-audit among their event listeners.")
                .defaultValue(false).add()
                .property().name(MASK_EMAIL).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Mask email addresses")
                .helpText("Store a***@example.com instead of the full address in usernames and email details.")
                .defaultValue(false).add()
                .property().name(LOG_JSON).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Log JSON lines")
                .helpText("Also log every audit record, once sealed, as one JSON line on the log category "
                        + JSON_CATEGORY + ", for shipping to a SIEM.")
                .defaultValue(false).add()
                .property().name(RECORD_TOKEN_REQUESTS).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("Record successful token requests")
                .helpText("Also record successful code-to-token exchanges, token refreshes, token introspections and "
                        + "userinfo requests. The sign-in they follow is always recorded, and so are their failures "
                        + "(a reused code, a revoked refresh token). Off by default: they are most of a realm's events "
                        + "and each would add a database write to a request that otherwise needs none.")
                .defaultValue(false).add()
                .property().name(RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Default retention (days)")
                .helpText("Days audit records are kept in realms without their own retention (Realm settings, tab "
                        + "Audit trail). 0 keeps them forever.")
                .defaultValue(DEFAULT_RETENTION_DAYS).add()
                .property().name(PURGE_INTERVAL_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Purge interval (minutes)")
                .helpText("How often records past their retention are deleted.")
                .defaultValue(DEFAULT_PURGE_INTERVAL_MINUTES).add()
                .property().name(SEAL_INTERVAL_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Seal interval (milliseconds)")
                .helpText("How long the sealer rests between runs. A record is chained (sealed) about this long after "
                        + "its commit; verify reports what still waits. 10 to 60000.")
                .defaultValue(DEFAULT_SEAL_INTERVAL_MILLIS).add()
                .property().name(CHECKPOINT_INTERVAL_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Checkpoint interval (minutes)")
                .helpText("How often each realm's chain gets a checkpoint signed with the realm's key, logged on "
                        + JSON_CATEGORY + " for keeping outside the database. 0 makes them only on demand.")
                .defaultValue(DEFAULT_CHECKPOINT_INTERVAL_MINUTES).add()
                .build();
    }
}
