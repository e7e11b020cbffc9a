package eu.unify.keycloak.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration of the suite: Keycloak with the packaged Unify bundle in {@code providers/}, plus the
 * test framework's own server-side helpers (time offset, run-on-server). Every integration test class uses it, so the
 * framework starts a single server for all of them; a class with a different configuration would cost a full
 * server rebuild. The helpers are listed here, not only when a class asks for them, for the same reason.
 */
public final class UnifyServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency("eu.unify", "unify-keycloak")
                .dependency("org.keycloak.testframework", "keycloak-test-framework-remote-providers")
                // The legacy user store (unify-legacy) uses Keycloak's own JDBC drivers. Keycloak keeps only the
                // drivers of configured database kinds, so declare a disabled datasource per legacy vendor.
                .option("db-kind-unifylegacymariadb", "mariadb")
                .option("db-enabled-unifylegacymariadb", "false")
                .option("db-kind-unifylegacypostgres", "postgres")
                .option("db-enabled-unifylegacypostgres", "false")
                // Mail forwarding of the legacy migration: Keycloak's mail goes through unify-forwarding (a build
                // option), which passes every mail through unchanged except those of forwarded sub-accounts.
                .option("spi-email-sender--provider-default", "unify-forwarding");
    }
}
