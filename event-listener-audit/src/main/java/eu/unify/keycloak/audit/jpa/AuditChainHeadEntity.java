package eu.unify.keycloak.audit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The head of a realm's chain, one row per realm, written by the sealer only ({@link ChainSql#sealBatch}, which holds
 * its lock while it seals: one sealer per realm at a time). The request path never touches it. It also remembers the
 * last purged link, from which verification starts. Read through this entity, written only by update statements: never
 * change a loaded instance.
 */
@Entity
@Table(name = "UNIFY_AUDIT_CHAIN")
@NamedQueries({
        @NamedQuery(name = "unifyAuditChain.realmIds", query = "select h.realmId from AuditChainHeadEntity h"),
        @NamedQuery(name = "unifyAuditChain.setAnchor",
                query = "update AuditChainHeadEntity h set h.purgedSeq = :seq, h.purgedHash = :hash"
                        + " where h.realmId = :realmId"),
        @NamedQuery(name = "unifyAuditChain.markDeleted",
                query = "update AuditChainHeadEntity h set h.realmName = :name, h.deletedAt = :time,"
                        + " h.retentionDays = :days where h.realmId = :realmId"),
        @NamedQuery(name = "unifyAuditChain.deleted",
                query = "select h from AuditChainHeadEntity h where h.deletedAt is not null order by h.deletedAt desc"),
        @NamedQuery(name = "unifyAuditChain.count",
                query = "select count(h) from AuditChainHeadEntity h where h.realmId = :realmId"),
        @NamedQuery(name = "unifyAuditChain.dropIfEmpty",
                query = "delete from AuditChainHeadEntity h where h.realmId = :realmId and h.purgedSeq = h.lastSeq"
                        + " and not exists (select r.id from AuditRecordEntity r where r.realmId = :realmId)")
})
public class AuditChainHeadEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;

    @Column(name = "LAST_HASH", length = 64, nullable = false)
    private String lastHash;

    @Column(name = "PURGED_SEQ", nullable = false)
    private long purgedSeq;

    @Column(name = "PURGED_HASH", length = 64, nullable = false)
    private String purgedHash;

    /** Set when the realm is deleted: its name then, the time and its retention in days then. */
    @Column(name = "REALM_NAME", length = 255)
    private String realmName;

    @Column(name = "DELETED_AT")
    private Long deletedAt;

    @Column(name = "RETENTION_DAYS")
    private Integer retentionDays;

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public void setLastSeq(long lastSeq) {
        this.lastSeq = lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }

    public long getPurgedSeq() {
        return purgedSeq;
    }

    public void setPurgedSeq(long purgedSeq) {
        this.purgedSeq = purgedSeq;
    }

    public String getPurgedHash() {
        return purgedHash;
    }

    public void setPurgedHash(String purgedHash) {
        this.purgedHash = purgedHash;
    }

    public String getRealmName() {
        return realmName;
    }

    public void setRealmName(String realmName) {
        this.realmName = realmName;
    }

    public Long getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Long deletedAt) {
        this.deletedAt = deletedAt;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }
}
