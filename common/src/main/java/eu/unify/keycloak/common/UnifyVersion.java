package eu.unify.keycloak.common;

import java.util.Map;

/** The bundle version each factory reports in the admin console's provider info. */
public final class UnifyVersion {

    private static final String VERSION = resolve();

    private UnifyVersion() {
    }

    public static Map<String, String> operationalInfo() {
        return Map.of("version", VERSION);
    }

    private static String resolve() {
        String version = UnifyVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
