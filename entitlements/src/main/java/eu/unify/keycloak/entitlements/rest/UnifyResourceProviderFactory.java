package eu.unify.keycloak.entitlements.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import eu.unify.keycloak.common.UnifyProviderFactory;

/** Realm resource {@code unify}: {@code /realms/{realm}/unify/} (see openapi/unify-entitlements.yaml). */
public final class UnifyResourceProviderFactory extends UnifyProviderFactory<RealmResourceProvider>
        implements RealmResourceProviderFactory {

    public static final String ID = "unify";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new UnifyResourceProvider(session);
    }
}
