package eu.unify.keycloak.audit.jpa;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.audit.record.AuditChain;
import eu.unify.keycloak.audit.record.AuditQuery;
import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.ChainVerification;
import eu.unify.keycloak.audit.record.DetailsCodec;

/** The audit tables, used through the session's entity manager, so everything joins the session's transaction. */
public final class AuditStore {

    private static final Logger LOG = Logger.getLogger(AuditStore.class);
    private static final int VERIFY_BATCH = 500;

    private final EntityManager em;

    private AuditStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public static AuditStore of(KeycloakSession session) {
        return new AuditStore(session);
    }

    /** The records matching {@code query}, newest first ({@code oldestFirst} for exports). */
    public List<AuditRecord> find(String realmId, AuditQuery query, boolean oldestFirst) {
        StringBuilder jpql = new StringBuilder("select r from AuditRecordEntity r where r.realmId = :realmId");
        if (query.from() != null) {
            jpql.append(" and r.time >= :from");
        }
        if (query.to() != null) {
            jpql.append(" and r.time < :to");
        }
        if (!query.types().isEmpty()) {
            jpql.append(" and r.type in :types");
        }
        if (query.user() != null) {
            jpql.append(" and (r.userId = :user or r.username = :user)");
        }
        if (query.client() != null) {
            jpql.append(" and r.clientId = :client");
        }
        // Insertion order: the order the chain takes too, and defined for records still waiting to be sealed.
        jpql.append(oldestFirst ? " order by r.rowId asc" : " order by r.rowId desc");
        TypedQuery<AuditRecordEntity> typed = em.createQuery(jpql.toString(), AuditRecordEntity.class)
                .setParameter("realmId", realmId);
        if (query.from() != null) {
            typed.setParameter("from", query.from());
        }
        if (query.to() != null) {
            typed.setParameter("to", query.to());
        }
        if (!query.types().isEmpty()) {
            typed.setParameter("types", query.types());
        }
        if (query.user() != null) {
            typed.setParameter("user", query.user());
        }
        if (query.client() != null) {
            typed.setParameter("client", query.client());
        }
        return typed.setFirstResult(query.first()).setMaxResults(query.max()).getResultStream()
                .map(AuditStore::toRecord).toList();
    }

    /**
     * What verify reports: the chain's verdict, the sealed range ({@code firstSeq}..{@code lastSeq}, empty when
     * {@code lastSeq < firstSeq}), and how many records wait to be sealed, with the time of the oldest.
     */
    public record Report(ChainVerification.Result chain, long firstSeq, long lastSeq, long unsealed,
                         Long oldestUnsealedTime) {
    }

    /** Walks the realm's sealed chain from the last purged link to the head; reports the first broken link. */
    public Report verify(String realmId) {
        ChainSql.Unsealed waiting = em.callWithConnection(
                (java.sql.Connection connection) -> new ChainSql(ChainSql.Tables.of(em)).unsealed(connection, realmId));
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId);
        if (head == null) {
            return new Report(new ChainVerification(0, AuditChain.GENESIS).finish(0, AuditChain.GENESIS), 1, 0,
                    waiting.count(), waiting.oldestTime());
        }
        em.detach(head);
        ChainVerification verification = new ChainVerification(head.getPurgedSeq(), head.getPurgedHash());
        long after = head.getPurgedSeq();
        ChainVerification.Result result = null;
        while (result == null) {
            List<AuditRecordEntity> batch = em.createNamedQuery("unifyAudit.chainFrom", AuditRecordEntity.class)
                    .setParameter("realmId", realmId).setParameter("after", after)
                    .setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditRecordEntity entity : batch) {
                if (!verification.accept(toRecord(entity))) {
                    result = verification.finish(head.getLastSeq(), head.getLastHash());
                    break;
                }
                after = entity.getSeq();
            }
            // Read records are not needed again: keep memory flat on long chains.
            batch.forEach(em::detach);
            if (result == null && batch.size() < VERIFY_BATCH) {
                result = verification.finish(head.getLastSeq(), head.getLastHash());
            }
        }
        return new Report(result, head.getPurgedSeq() + 1, head.getLastSeq(), waiting.count(), waiting.oldestTime());
    }

    /**
     * Deletes the realm's records older than {@code before}: the longest run from the start of the chain whose
     * records are all older, so the chain stays whole. The last deleted link becomes the anchor verification starts
     * from. Returns how many records were deleted.
     */
    public int purge(String realmId, long before) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            return 0;
        }
        // Detached, and the anchor set by an update of its own columns: the append path moves the head's other
        // columns over JDBC in this same transaction, which a flush of this entity would overwrite.
        em.detach(head);
        Long firstKept = em.createNamedQuery("unifyAudit.firstKeptSeq", Long.class)
                .setParameter("realmId", realmId).setParameter("before", before).getSingleResult();
        long through = firstKept == null ? head.getLastSeq() : firstKept - 1;
        if (through <= head.getPurgedSeq()) {
            return 0;
        }
        List<AuditRecordEntity> anchor = em.createNamedQuery("unifyAudit.bySeq", AuditRecordEntity.class)
                .setParameter("realmId", realmId).setParameter("seq", through).getResultList();
        if (anchor.isEmpty()) {
            // A hole where the new anchor should be: leave the evidence for verify rather than paper over it.
            LOG.warnf("Audit chain of realm %s lacks record %d; purge skipped", realmId, through);
            return 0;
        }
        int deleted = em.createNamedQuery("unifyAudit.purgeThrough")
                .setParameter("realmId", realmId).setParameter("seq", through).executeUpdate();
        em.createNamedQuery("unifyAuditChain.setAnchor").setParameter("realmId", realmId)
                .setParameter("seq", through).setParameter("hash", anchor.get(0).getHash()).executeUpdate();
        return deleted;
    }

    /** Realms that have a chain. */
    public List<String> realmIds() {
        return em.createNamedQuery("unifyAuditChain.realmIds", String.class).getResultList();
    }

    /** Whether the realm has a trail: a chain, or records waiting for their first seal. */
    public boolean hasTrail(String realmId) {
        return em.createNamedQuery("unifyAuditChain.count", Long.class).setParameter("realmId", realmId)
                .getSingleResult() > 0
                || !em.createNamedQuery("unifyAudit.any", String.class).setParameter("realmId", realmId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Marks the realm's chain as that of a deleted realm: its name, when, and its retention then, by which its records
     * are purged from now on. Sets only these columns (the head's links are written by the append path only).
     */
    public void markDeleted(String realmId, String realmName, long time, int retentionDays) {
        int marked = em.createNamedQuery("unifyAuditChain.markDeleted").setParameter("realmId", realmId)
                .setParameter("name", realmName).setParameter("time", time).setParameter("days", retentionDays)
                .executeUpdate();
        if (marked == 0) {
            // Its records all still wait for their first seal: the chain starts here, marked, for the sealer to extend.
            AuditChainHeadEntity head = new AuditChainHeadEntity();
            head.setRealmId(realmId);
            head.setLastSeq(0);
            head.setLastHash(AuditChain.GENESIS);
            head.setPurgedSeq(0);
            head.setPurgedHash(AuditChain.GENESIS);
            head.setRealmName(realmName);
            head.setDeletedAt(time);
            head.setRetentionDays(retentionDays);
            em.persist(head);
            em.flush();
            em.detach(head);
        }
    }

    /** The chains of deleted realms, most recently deleted first. */
    public List<DeletedRealm> deletedRealms() {
        List<AuditChainHeadEntity> heads = em.createNamedQuery("unifyAuditChain.deleted", AuditChainHeadEntity.class)
                .getResultList();
        heads.forEach(em::detach);
        return heads.stream().map(h -> new DeletedRealm(h.getRealmId(), h.getRealmName(), h.getDeletedAt(),
                h.getRetentionDays(), h.getLastSeq() - h.getPurgedSeq())).toList();
    }

    /** A deleted realm whose trail is kept; {@code records} is how many are left. */
    public record DeletedRealm(String realmId, String realmName, long deletedAt, Integer retentionDays, long records) {
    }

    /** Drops the chain of a realm whose records have all been purged; false if any are left. */
    public boolean dropIfEmpty(String realmId) {
        return em.createNamedQuery("unifyAuditChain.dropIfEmpty").setParameter("realmId", realmId).executeUpdate() > 0;
    }

    private static AuditRecord toRecord(AuditRecordEntity e) {
        return new AuditRecord(e.getId(), e.getRealmId(), e.getSeq() == null ? 0 : e.getSeq(), e.getTime(), e.getKind(), e.getType(),
                e.getOutcome(), e.getError(), e.getUserId(), e.getUsername(), e.getClientId(), e.getIpAddress(),
                e.getSessionId(), e.getResourceType(), e.getResourcePath(), DetailsCodec.decode(e.getDetails()),
                e.getPrevHash(), e.getHash());
    }
}
