package eu.unify.keycloak.activation.jpa;

import java.util.List;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import eu.unify.keycloak.common.jpa.JpaEntitiesFactory;
import eu.unify.keycloak.common.scheduled.OncePerClusterTask;
import eu.unify.keycloak.activation.store.ActivationCodeStore;

/**
 * Registers the activation-code tables with Keycloak's JPA layer (created by Liquibase at start) and schedules the
 * purge of expired codes.
 */
public final class ActivationCodeJpaEntityProviderFactory extends JpaEntitiesFactory {

    /** Also names Liquibase's record of our change sets: never change it once deployed. */
    public static final String ID = "unify-activation-code-store";

    static final String CHANGELOG = "META-INF/unify-activation-code-changelog.xml";
    private static final long PURGE_INTERVAL_MILLIS = 15 * 60 * 1000L;

    public ActivationCodeJpaEntityProviderFactory() {
        super(ID, CHANGELOG, List.of(ActivationCodeEntity.class, CodeSendEntity.class, CodeFailureEntity.class,
                CodeRequestEntity.class));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // No foreign keys to Keycloak's tables (their layout is Keycloak's business): clean up on its events instead.
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                ActivationCodeStore.of(removed.getKeycloakSession())
                        .deleteForUser(removed.getRealm().getId(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                ActivationCodeStore.of(removed.getKeycloakSession()).deleteForRealm(removed.getRealm().getId());
            }
        });
        // Once per interval across the cluster: every node's timer fires it, one node runs it.
        OncePerClusterTask.schedule(factory, new PurgeExpiredCodesTask(), PURGE_INTERVAL_MILLIS);
    }
}
