package eu.unify.keycloak.activation.code;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store keeps about one issued code: never the code itself, only its {@link HashedCode}.
 *
 * <p>The store keeps one code per (subject, purpose): issuing replaces the previous code, so the store only ever
 * returns the newest one, and that is the only code that can be valid. Changes are new instances
 * ({@link #withFailedAttempt()}, {@link #asConsumed()}); the store must write them conditionally on the state it read
 * (compare-and-set), or two parallel submissions could both pass.
 *
 * @param id         store identifier of this code
 * @param purpose    what the code is for
 * @param subject    the user the code belongs to (a Keycloak user id); account codes name it only through the store
 * @param hashedCode keyed hash and key id
 * @param createdAt  when it was issued
 * @param expiresAt  first instant at which it is no longer valid
 * @param attempts   wrong tries so far
 * @param consumed   whether it has been redeemed
 */
public record StoredCode(String id, CodePurpose purpose, String subject, HashedCode hashedCode, Instant createdAt,
                         Instant expiresAt, int attempts, boolean consumed) {

    public StoredCode {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(hashedCode, "hashedCode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
    }

    /**
     * A new, unused code expiring after the policy's lifetime.
     *
     * @throws IllegalArgumentException if the policy is for another kind of code than the purpose uses
     */
    public static StoredCode issue(String id, CodePurpose purpose, String subject, HashedCode hashedCode, Instant now,
                                   CodePolicy policy) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        if (policy.kind() != purpose.kind()) {
            throw new IllegalArgumentException(
                    "policy is for " + policy.kind() + " codes but " + purpose + " uses " + purpose.kind());
        }
        return new StoredCode(id, purpose, subject, hashedCode, now, now.plus(policy.lifetime()), 0, false);
    }

    /** Expiry is exclusive: at {@code expiresAt} itself the code is already expired. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This code with one more wrong try counted. */
    public StoredCode withFailedAttempt() {
        return new StoredCode(id, purpose, subject, hashedCode, createdAt, expiresAt, attempts + 1, consumed);
    }

    /** This code marked as redeemed. */
    public StoredCode asConsumed() {
        return new StoredCode(id, purpose, subject, hashedCode, createdAt, expiresAt, attempts, true);
    }
}
