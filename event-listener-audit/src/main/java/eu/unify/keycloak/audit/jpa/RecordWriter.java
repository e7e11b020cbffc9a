package eu.unify.keycloak.audit.jpa;

import java.sql.Connection;
import java.util.Collection;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.audit.record.AuditRecord;

/**
 * The request path: inserts records unsealed in the session's transaction, over its own JDBC connection. One per
 * server (it holds the statements, whose table names carry Keycloak's {@code --db-schema}).
 */
public final class RecordWriter {

    private volatile ChainSql sql;

    public void insert(KeycloakSession session, Collection<AuditRecord> records) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        ChainSql statements = sql;
        if (statements == null) {
            statements = new ChainSql(ChainSql.Tables.of(em));
            sql = statements;
        }
        ChainSql insert = statements;
        em.runWithConnection((Connection connection) -> insert.insert(connection, records));
    }
}
