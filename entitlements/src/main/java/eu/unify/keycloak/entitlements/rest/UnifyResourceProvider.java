package eu.unify.keycloak.entitlements.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class UnifyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    UnifyResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new UnifyResource(session);
    }

    @Override
    public void close() {
    }
}
