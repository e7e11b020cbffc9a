package eu.unify.keycloak.activation.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One issued code, stored only as a keyed hash. At most one row per (realm, user, purpose) exists: issuing a new
 * code deletes the older one, which is how "only the newest code is valid" is enforced.
 */
@Entity
@Table(name = "UNIFY_ACTIVATION_CODE")
@NamedQueries({
        @NamedQuery(name = "unifyCode.newest",
                query = "select " + ActivationCodeEntity.CODE_COLUMNS + " from ActivationCodeEntity c"
                        + " where c.realmId = :realmId and c.userId = :userId and c.purpose = :purpose"
                        + " order by c.createdAt desc"),
        @NamedQuery(name = "unifyCode.byHash",
                query = "select " + ActivationCodeEntity.CODE_COLUMNS + " from ActivationCodeEntity c"
                        + " where c.realmId = :realmId and c.purpose = :purpose and c.codeHash = :codeHash"),
        @NamedQuery(name = "unifyCode.deleteFor",
                query = "delete from ActivationCodeEntity c where c.realmId = :realmId and c.userId = :userId"
                        + " and c.purpose = :purpose"),
        @NamedQuery(name = "unifyCode.recordAttempt",
                query = "update ActivationCodeEntity c set c.attempts = :attempts, c.consumed = :consumed"
                        + " where c.id = :id and c.attempts = :expectedAttempts and c.consumed = false"),
        @NamedQuery(name = "unifyCode.purgeExpired",
                query = "delete from ActivationCodeEntity c where c.expiresAt < :before"),
        @NamedQuery(name = "unifyCode.deleteForUser",
                query = "delete from ActivationCodeEntity c where c.realmId = :realmId and c.userId = :userId"),
        @NamedQuery(name = "unifyCode.deleteForRealm",
                query = "delete from ActivationCodeEntity c where c.realmId = :realmId")
})
public class ActivationCodeEntity {

    /** What the store reads of a code, in this order (see {@code ActivationCodeStore}). */
    public static final String CODE_COLUMNS =
            "c.id, c.purpose, c.userId, c.keyId, c.codeHash, c.createdAt, c.expiresAt, c.attempts, c.consumed";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "PURPOSE", length = 32, nullable = false)
    private String purpose;

    @Column(name = "KEY_ID", length = 255, nullable = false)
    private String keyId;

    @Column(name = "CODE_HASH", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "CONSUMED", nullable = false)
    private boolean consumed;

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

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public void setCodeHash(String codeHash) {
        this.codeHash = codeHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public boolean isConsumed() {
        return consumed;
    }

    public void setConsumed(boolean consumed) {
        this.consumed = consumed;
    }
}
