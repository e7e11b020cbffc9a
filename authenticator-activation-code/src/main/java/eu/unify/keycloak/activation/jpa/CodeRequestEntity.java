package eu.unify.keycloak.activation.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A code granted for an identifier (what a visitor typed on "Forgot password?"), keyed by the identifier's realm-keyed
 * hash, never by an account: the resend cooldown, hourly cap and wrong tries that the page shows for that identifier,
 * the same whether an account exists or not. Kept for an hour, like {@link CodeSendEntity}.
 */
@Entity
@Table(name = "UNIFY_CODE_REQUEST")
@NamedQueries({
        @NamedQuery(name = "unifyCodeRequest.since",
                query = "select r.id, r.sentAt, r.attempts from CodeRequestEntity r where r.realmId = :realmId"
                        + " and r.purpose = :purpose and r.identifierHash = :identifierHash and r.sentAt >= :since"),
        @NamedQuery(name = "unifyCodeRequest.countWrong",
                query = "update CodeRequestEntity r set r.attempts = r.attempts + 1 where r.id = :id"
                        + " and r.attempts < :maxAttempts"),
        @NamedQuery(name = "unifyCodeRequest.purge",
                query = "delete from CodeRequestEntity r where r.sentAt < :before"),
        @NamedQuery(name = "unifyCodeRequest.deleteForRealm",
                query = "delete from CodeRequestEntity r where r.realmId = :realmId")
})
public class CodeRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PURPOSE", length = 32, nullable = false)
    private String purpose;

    @Column(name = "IDENTIFIER_HASH", length = 64, nullable = false)
    private String identifierHash;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

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

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getIdentifierHash() {
        return identifierHash;
    }

    public void setIdentifierHash(String identifierHash) {
        this.identifierHash = identifierHash;
    }

    public long getSentAt() {
        return sentAt;
    }

    public void setSentAt(long sentAt) {
        this.sentAt = sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }
}
