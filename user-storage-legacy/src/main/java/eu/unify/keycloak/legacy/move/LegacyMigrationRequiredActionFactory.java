package eu.unify.keycloak.legacy.move;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;

/**
 * {@code unify-legacy-migration}: enable it under Authentication, Required actions. It then asks the accounts of the
 * waves enabled in the {@code unify-legacy} user federation to move to sign-in by email.
 */
public final class LegacyMigrationRequiredActionFactory implements RequiredActionFactory,
        ServerInfoAwareProviderFactory {

    public static final String ID = "unify-legacy-migration";

    private static final RequiredActionProvider ACTION = new LegacyMigrationRequiredAction();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Move legacy accounts to sign-in by email";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
