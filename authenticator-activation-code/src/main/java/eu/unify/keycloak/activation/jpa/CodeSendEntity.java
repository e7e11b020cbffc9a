package eu.unify.keycloak.activation.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** When a code was emailed to a user, kept for an hour so the resend cooldown and hourly cap survive restarts. */
@Entity
@Table(name = "UNIFY_CODE_SEND")
@NamedQueries({
        @NamedQuery(name = "unifyCodeSend.since",
                query = "select s.sentAt from CodeSendEntity s where s.realmId = :realmId and s.userId = :userId"
                        + " and s.purpose = :purpose and s.sentAt >= :since"),
        @NamedQuery(name = "unifyCodeSend.purge",
                query = "delete from CodeSendEntity s where s.sentAt < :before"),
        @NamedQuery(name = "unifyCodeSend.deleteForUser",
                query = "delete from CodeSendEntity s where s.realmId = :realmId and s.userId = :userId"),
        @NamedQuery(name = "unifyCodeSend.deleteForRealm",
                query = "delete from CodeSendEntity s where s.realmId = :realmId")
})
public class CodeSendEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "PURPOSE", length = 32, nullable = false)
    private String purpose;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public long getSentAt() {
        return sentAt;
    }

    public void setSentAt(long sentAt) {
        this.sentAt = sentAt;
    }
}
