package eu.unify.keycloak.entitlements.rest;

import java.util.List;
import java.util.logging.Logger;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import eu.unify.keycloak.common.UnifyProviderFactory;
import eu.unify.keycloak.common.logging.ProfileBeanWarnings;

/** Realm resource {@code unify}: {@code /realms/{realm}/unify/} (see openapi/unify-entitlements.yaml). */
public final class UnifyResourceProviderFactory extends UnifyProviderFactory<RealmResourceProvider>
        implements RealmResourceProviderFactory {

    public static final String ID = "unify";

    /** Keycloak's warnings about the multi-valued customer numbers would name the user (see ProfileBeanWarnings). */
    private List<Logger> quietened = List.of();

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        quietened = ProfileBeanWarnings.quieten();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new UnifyResourceProvider(session);
    }
}
