package eu.unify.keycloak.activation.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Wrong codes an account has had in a row, over all its codes and purposes: the account-wide bound that a new code
 * does not reset. Keyed by the user id alone (Keycloak's user ids are unique across realms), so the counter is
 * raised by an atomic update rather than read, changed and written.
 */
@Entity
@Table(name = "UNIFY_CODE_FAILURE")
@NamedQueries({
        @NamedQuery(name = "unifyCodeFailure.read",
                query = "select f.failures, f.lastFailureAt from CodeFailureEntity f"
                        + " where f.realmId = :realmId and f.userId = :userId"),
        @NamedQuery(name = "unifyCodeFailure.increment",
                query = "update CodeFailureEntity f set f.failures = f.failures + 1, f.lastFailureAt = :now"
                        + " where f.realmId = :realmId and f.userId = :userId"),
        @NamedQuery(name = "unifyCodeFailure.clear",
                query = "update CodeFailureEntity f set f.failures = 0"
                        + " where f.realmId = :realmId and f.userId = :userId"),
        @NamedQuery(name = "unifyCodeFailure.deleteForUser",
                query = "delete from CodeFailureEntity f where f.realmId = :realmId and f.userId = :userId"),
        @NamedQuery(name = "unifyCodeFailure.deleteForRealm",
                query = "delete from CodeFailureEntity f where f.realmId = :realmId")
})
public class CodeFailureEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "LAST_FAILURE_AT", nullable = false)
    private long lastFailureAt;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public long getLastFailureAt() {
        return lastFailureAt;
    }

    public void setLastFailureAt(long lastFailureAt) {
        this.lastFailureAt = lastFailureAt;
    }
}
