package eu.unify.keycloak.it;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the integration suite gave the server or got from it: passwords set for users, codes read from mails.
 * The suite's last test ({@code eu.unify.keycloak.it.audit.AuditSecretScanIT}) looks for each of them in every stored
 * audit record and in the server log. The shared helpers register what passes through them ({@link TestUsers},
 * {@link Mails}, {@link UnifyRealmConfig}); a test that types a secret of its own (a wrong password, a new password on
 * Keycloak's update page) registers it with {@link #register}.
 *
 * <p>Suite-wide by nature, so this is the suite's one piece of static state: the test classes run one after another in
 * one JVM against one server, and the scan runs after all of them. It is only ever added to.
 */
public final class SuiteSecrets {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private SuiteSecrets() {
    }

    /** Registers a password or another secret the suite used; returns it, so a constant can be registered inline. */
    public static String register(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
        return secret;
    }

    /** Registers a code as shown to the user and in the form the server keeps it (no group dashes, upper case). */
    public static String registerCode(String code) {
        register(code);
        if (code != null) {
            register(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
        }
        return code;
    }

    /** What has been registered so far. */
    public static Set<String> all() {
        return Set.copyOf(SECRETS);
    }
}
