package eu.unify.keycloak.legacy.storage;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import eu.unify.keycloak.legacy.hash.BareDigestSettings;
import eu.unify.keycloak.legacy.rights.RightsMapping;

/**
 * Options of the {@code unify-legacy} user federation, as set in the admin console. Every getter is null-safe and
 * falls back to its default when the field is empty or invalid.
 */
public final class LegacyStoreConfig {

    /** The provider id of the user federation: a public contract (realm exports, REST). */
    public static final String PROVIDER_ID = "unify-legacy";


    static final String JDBC_URL = "jdbcUrl";
    static final String JDBC_USER = "jdbcUser";
    static final String JDBC_PASSWORD = "jdbcPassword";
    static final String POOL_SIZE = "poolSize";
    static final String CONNECT_TIMEOUT = "connectTimeoutSeconds";
    static final String QUERY_TIMEOUT = "queryTimeoutSeconds";
    static final String FIND_BY_USERNAME = "findByUsernameSql";
    static final String FIND_BY_EMAIL = "findByEmailSql";
    static final String LIST_ALL = "listAllSql";
    static final String SUB_ACCOUNTS = "subAccountsSql";
    static final String SYNC_BATCH_SIZE = "syncBatchSize";
    static final String DIGEST_ALGORITHM = "bareDigestAlgorithm";
    static final String DIGEST_SALT_POSITION = "bareDigestSaltPosition";
    static final String DIGEST_ENCODING = "bareDigestEncoding";
    static final String RIGHTS_MAPPING = RightsMapping.CONFIG_KEY;
    static final String COUNT_BY_WAVE = "countByWaveSql";

    static final int DEFAULT_POOL_SIZE = 8;
    static final int DEFAULT_CONNECT_TIMEOUT = 5;
    static final int DEFAULT_QUERY_TIMEOUT = 5;
    static final int DEFAULT_SYNC_BATCH_SIZE = 500;

    static final String DEFAULT_FIND_BY_USERNAME = "SELECT username, password_hash, password_salt, hash_algorithm, "
            + "email, first_name, last_name, main_account, rights, wave, enabled FROM legacy_users "
            + "WHERE username = :username";
    static final String DEFAULT_FIND_BY_EMAIL = "SELECT username, password_hash, password_salt, hash_algorithm, "
            + "email, first_name, last_name, main_account, rights, wave, enabled FROM legacy_users "
            + "WHERE lower(email) = lower(:email)";
    static final String DEFAULT_COUNT_BY_WAVE = "SELECT wave, COUNT(*) AS total FROM legacy_users GROUP BY wave";
    static final String DEFAULT_LIST_ALL = "SELECT username, email, first_name, last_name, main_account, rights, "
            + "wave, enabled FROM legacy_users ORDER BY username LIMIT :limit OFFSET :offset";
    static final String DEFAULT_SUB_ACCOUNTS = "SELECT username, password_hash, password_salt, hash_algorithm, "
            + "email, first_name, last_name, main_account, rights, wave, enabled FROM legacy_users "
            + "WHERE main_account = :main_account";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(JDBC_URL).label("JDBC URL")
            .helpText("Connection URL of the legacy database, for example jdbc:postgresql://db.example.com:5432/legacy "
                    + "or jdbc:mariadb://db.example.com:3306/legacy. Keycloak's own drivers are used: PostgreSQL, "
                    + "MariaDB, MySQL and Microsoft SQL Server.")
            .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
            .property().name(JDBC_USER).label("Database user")
            .helpText("User the provider connects as. Read-only rights on the legacy tables are enough.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(JDBC_PASSWORD).label("Database password")
            .helpText("Password of the database user. Stored as a secret; never shown again.")
            .type(ProviderConfigProperty.PASSWORD).secret(true).add()
            .property().name(POOL_SIZE).label("Connection pool size")
            .helpText("Most connections kept open to the legacy database per Keycloak node, 1 to 100. Default "
                    + DEFAULT_POOL_SIZE + ".")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_POOL_SIZE)).add()
            .property().name(CONNECT_TIMEOUT).label("Connect timeout (seconds)")
            .helpText("How long a sign-in waits to connect to the legacy database (or for a free pooled connection) "
                    + "before legacy users are told sign-in is temporarily unavailable, 1 to 60. Default "
                    + DEFAULT_CONNECT_TIMEOUT + ".")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_CONNECT_TIMEOUT)).add()
            .property().name(QUERY_TIMEOUT).label("Query timeout (seconds)")
            .helpText("How long one query may run before it is cancelled, 1 to 300. Default "
                    + DEFAULT_QUERY_TIMEOUT + ".")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_QUERY_TIMEOUT)).add()
            .property().name(FIND_BY_USERNAME).label("Query: find by username")
            .helpText("Returns at most one account for :username. Columns, renamed with AS where needed: username, "
                    + "password_hash (required), password_salt, hash_algorithm, email, first_name, last_name, "
                    + "main_account, rights, wave, enabled. Values are bound as parameters, never pasted into the SQL.")
            .type(ProviderConfigProperty.TEXT_TYPE).defaultValue(DEFAULT_FIND_BY_USERNAME).add()
            .property().name(FIND_BY_EMAIL).label("Query: find by email")
            .helpText("Returns at most one account for :email, with the same columns as 'find by username'. Leave "
                    + "empty if legacy users never sign in with their email address.")
            .type(ProviderConfigProperty.TEXT_TYPE).defaultValue(DEFAULT_FIND_BY_EMAIL).add()
            .property().name(LIST_ALL).label("Query: list all (for synchronization)")
            .helpText("Returns every legacy account, one page at a time, in a stable order, using :limit and :offset. "
                    + "Same columns; password_hash is not needed here. Used by 'Synchronize all users'.")
            .type(ProviderConfigProperty.TEXT_TYPE).defaultValue(DEFAULT_LIST_ALL).add()
            .property().name(SUB_ACCOUNTS).label("Query: sub-accounts")
            .helpText("Returns every sub-account of the main account :main_account (its legacy username), with the "
                    + "same columns as 'find by username'; password_hash is needed when the move carries legacy "
                    + "passwords over. Used by the move to email identities (required action unify-legacy-migration).")
            .type(ProviderConfigProperty.TEXT_TYPE).defaultValue(DEFAULT_SUB_ACCOUNTS).add()
            .property().name(SYNC_BATCH_SIZE).label("Synchronization batch size")
            .helpText("Accounts read from the legacy database per query by 'Synchronize all users' (they are imported 50 per transaction), 10 to 10000. Default "
                    + DEFAULT_SYNC_BATCH_SIZE + ".")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_SYNC_BATCH_SIZE)).add()
            .property().name(DIGEST_ALGORITHM).label("Plain digests: algorithm")
            .helpText("For legacy hashes that are a bare hex or Base64 digest without a marker of their own (bcrypt, "
                    + "crypt, Argon2, Django and LDAP formats are recognised by themselves). A row's hash_algorithm "
                    + "column overrides it. Default SHA-256.")
            .type(ProviderConfigProperty.LIST_TYPE).options("MD5", "SHA-1", "SHA-256", "SHA-512")
            .defaultValue("SHA-256").add()
            .property().name(DIGEST_SALT_POSITION).label("Plain digests: salt position")
            .helpText("Where the legacy application put the password_salt column's value when it hashed: after the "
                    + "password (digest of password + salt) or before it (digest of salt + password). Default after.")
            .type(ProviderConfigProperty.LIST_TYPE).options("after", "before").defaultValue("after").add()
            .property().name(DIGEST_ENCODING).label("Plain digests: encoding")
            .helpText("How the legacy application wrote plain digests: hex (either case) or Base64. Default hex.")
            .type(ProviderConfigProperty.LIST_TYPE).options("hex", "base64").defaultValue("hex").add()
            .property().name(RIGHTS_MAPPING).label("Rights mapping")
            .helpText("What each legacy right (the rights column) grants in Keycloak, one entry per line: "
                    + "<right>=client:<clientId>:<role> (for a Unify service: its client role 'access'), "
                    + "<right>=role:<realm role> or <right>=group:/<group path>. Example: orders=client:shop:access. "
                    + "Granted when an account is imported and again when it moves; never taken away. Rights match "
                    + "regardless of case. Empty: rights grant nothing.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).defaultValue("").add()
            .property().name(COUNT_BY_WAVE).label("Query: count by wave")
            .helpText("Returns one row per migration wave with the columns wave and total (the number of legacy "
                    + "accounts in it; accounts without a wave form a row whose wave is NULL), and optionally disabled "
                    + "(how many of them are disabled: they never move, so they are not counted as pending). Takes no "
                    + "parameters. Used by the migration progress report (admin REST API unify-legacy/progress).")
            .type(ProviderConfigProperty.TEXT_TYPE).defaultValue(DEFAULT_COUNT_BY_WAVE).add()
            .build();

    private final MultivaluedHashMap<String, String> config;

    private LegacyStoreConfig(MultivaluedHashMap<String, String> config) {
        this.config = config == null ? new MultivaluedHashMap<>() : config;
    }

    static LegacyStoreConfig of(ComponentModel model) {
        return new LegacyStoreConfig(model.getConfig());
    }

    static LegacyStoreConfig of(MultivaluedHashMap<String, String> config) {
        return new LegacyStoreConfig(config);
    }

    String jdbcUrl() {
        return text(JDBC_URL, "");
    }

    String user() {
        return text(JDBC_USER, "");
    }

    String password() {
        String value = config.getFirst(JDBC_PASSWORD);
        return value == null ? "" : value;
    }

    int poolSize() {
        return number(POOL_SIZE, DEFAULT_POOL_SIZE, 1, 100);
    }

    Duration connectTimeout() {
        return Duration.ofSeconds(number(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, 1, 60));
    }

    Duration queryTimeout() {
        return Duration.ofSeconds(number(QUERY_TIMEOUT, DEFAULT_QUERY_TIMEOUT, 1, 300));
    }

    String findByUsernameSql() {
        return text(FIND_BY_USERNAME, DEFAULT_FIND_BY_USERNAME);
    }

    /** Empty when lookup by email is switched off. */
    String findByEmailSql() {
        String value = config.getFirst(FIND_BY_EMAIL);
        return value == null ? DEFAULT_FIND_BY_EMAIL : value.trim();
    }

    String listAllSql() {
        return text(LIST_ALL, DEFAULT_LIST_ALL);
    }

    String subAccountsSql() {
        return text(SUB_ACCOUNTS, DEFAULT_SUB_ACCOUNTS);
    }

    /** Whether the admin gave a sub-accounts query (the console does on save; older configurations have none). */
    boolean hasSubAccountsSql() {
        String value = config.getFirst(SUB_ACCOUNTS);
        return value != null && !value.isBlank();
    }

    int syncBatchSize() {
        return number(SYNC_BATCH_SIZE, DEFAULT_SYNC_BATCH_SIZE, 10, 10_000);
    }

    /** How bare digests are read; an empty or unknown field takes its default. */
    BareDigestSettings bareDigestSettings() {
        return BareDigestSettings.fromNames(config.getFirst(DIGEST_ALGORITHM), config.getFirst(DIGEST_SALT_POSITION),
                config.getFirst(DIGEST_ENCODING));
    }

    String countByWaveSql() {
        return text(COUNT_BY_WAVE, DEFAULT_COUNT_BY_WAVE);
    }

    /**
     * Whether the admin gave a "count by wave" query. The console always sends one (its default included); a store
     * saved before this option existed, or over the REST API without it, has none, and is not refused for it.
     */
    boolean countByWaveSqlGiven() {
        String value = config.getFirst(COUNT_BY_WAVE);
        return value != null && !value.isBlank();
    }

    /** The rights mapping table; entries that cannot be read are reported by {@link RightsMapping#problems()}. */
    RightsMapping rightsMapping() {
        return RightsMapping.parse(config.getList(RIGHTS_MAPPING));
    }

    /** What a connection pool depends on: a pool is rebuilt when this changes. */
    String poolFingerprint() {
        return Objects.hash(jdbcUrl(), user(), password(), poolSize(), connectTimeout(), queryTimeout()) + "";
    }

    private String text(String key, String fallback) {
        String value = config.getFirst(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private int number(String key, int fallback, int min, int max) {
        String value = config.getFirst(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed < min || parsed > max ? fallback : parsed;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
