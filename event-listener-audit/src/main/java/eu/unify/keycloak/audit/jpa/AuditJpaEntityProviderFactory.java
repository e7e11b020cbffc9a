package eu.unify.keycloak.audit.jpa;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;

/** Registers the audit tables with Keycloak's JPA layer (created by Liquibase at start). */
public final class AuditJpaEntityProviderFactory implements JpaEntityProviderFactory, ServerInfoAwareProviderFactory {

    /** Also names Liquibase's record of our change sets: never change it once deployed. */
    public static final String ID = "unify-audit-store";

    static final String CHANGELOG = "META-INF/unify-audit-changelog.xml";
    private static final List<Class<?>> ENTITIES = List.of(AuditRecordEntity.class, AuditChainHeadEntity.class);

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
