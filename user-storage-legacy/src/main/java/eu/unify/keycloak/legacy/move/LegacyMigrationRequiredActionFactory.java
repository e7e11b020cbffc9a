package eu.unify.keycloak.legacy.move;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.common.UnifyProviderFactory;

/**
 * {@code unify-legacy-migration}: enable it under Authentication, Required actions. It then asks the accounts of the
 * waves enabled in the {@code unify-legacy} user federation to move to sign-in by email.
 */
public final class LegacyMigrationRequiredActionFactory extends UnifyProviderFactory<RequiredActionProvider>
        implements RequiredActionFactory {

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
}
