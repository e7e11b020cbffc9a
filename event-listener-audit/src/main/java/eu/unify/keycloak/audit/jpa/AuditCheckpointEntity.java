package eu.unify.keycloak.audit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A signed checkpoint of a realm's chain: its head (seq, hash) at a time, and the JWS signed with the realm's key. Kept
 * here to be read over REST; what makes it an anchor is the copy logged when it is made (and kept outside the database).
 */
@Entity
@Table(name = "UNIFY_AUDIT_CHECKPOINT")
@NamedQueries({
        @NamedQuery(name = "unifyAuditCheckpoint.latest",
                query = "select c from AuditCheckpointEntity c where c.realmId = :realmId order by c.createdAt desc,"
                        + " c.seq desc")
})
public class AuditCheckpointEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "SEQ", nullable = false)
    private long seq;

    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "SIGNED", length = 4000, nullable = false)
    private String signed;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getSigned() {
        return signed;
    }

    public void setSigned(String signed) {
        this.signed = signed;
    }
}
