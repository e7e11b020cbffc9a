package eu.unify.keycloak.activation.jpa;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.timer.TimerProvider;

import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.activation.store.ActivationCodeStore;

/**
 * Registers the activation-code tables with Keycloak's JPA layer (created by Liquibase at start) and schedules the
 * purge of expired codes.
 */
public final class ActivationCodeJpaEntityProviderFactory
        implements JpaEntityProviderFactory, ServerInfoAwareProviderFactory {

    /** Also names Liquibase's record of our change sets: never change it once deployed. */
    public static final String ID = "unify-activation-code-store";

    static final String CHANGELOG = "META-INF/unify-activation-code-changelog.xml";
    private static final List<Class<?>> ENTITIES = List.of(ActivationCodeEntity.class, CodeSendEntity.class);
    private static final long PURGE_INTERVAL_MILLIS = 15 * 60 * 1000L;

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return ENTITIES;
        }

        @Override
        public String getChangelogLocation() {
            return CHANGELOG;
        }

        @Override
        public String getFactoryId() {
            return ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
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
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                // Runs in its own session and transaction on each node; the deletes are idempotent.
                timer.scheduleTask(new PurgeExpiredCodesTask(), PURGE_INTERVAL_MILLIS);
            }
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
