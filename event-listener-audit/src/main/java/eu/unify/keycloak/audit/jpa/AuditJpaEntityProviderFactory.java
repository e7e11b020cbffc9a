package eu.unify.keycloak.audit.jpa;

import java.util.List;

import eu.unify.keycloak.common.jpa.JpaEntitiesFactory;

/** Registers the audit tables with Keycloak's JPA layer (created by Liquibase at start). */
public final class AuditJpaEntityProviderFactory extends JpaEntitiesFactory {

    /** Also names Liquibase's record of our change sets: never change it once deployed. */
    public static final String ID = "unify-audit-store";

    static final String CHANGELOG = "META-INF/unify-audit-changelog.xml";

    public AuditJpaEntityProviderFactory() {
        super(ID, CHANGELOG, List.of(AuditRecordEntity.class, AuditChainHeadEntity.class,
                AuditCheckpointEntity.class));
    }
}
