package eu.unify.keycloak.activation.code;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision on a typed code, as a pure function of the newest stored code, the candidate's hash, the time and the
 * policy. It says what to tell the user ({@link Outcome}) and what to write back ({@link Result#toPersist()}).
 *
 * <p>Checks run in this order, and only the last one looks at the candidate:
 * <ol>
 *   <li>no stored code: {@link Outcome#NO_CODE};</li>
 *   <li>already redeemed: {@link Outcome#CONSUMED} (whatever was typed; nothing can be redeemed any more);</li>
 *   <li>at or after {@code expiresAt}: {@link Outcome#EXPIRED};</li>
 *   <li>wrong tries used up: {@link Outcome#EXHAUSTED} (the code is void, even the right code fails);</li>
 *   <li>hash matches (constant time, same key id): {@link Outcome#VALID}, persist it as consumed;</li>
 *   <li>otherwise one more wrong try is persisted: {@link Outcome#WRONG} with the tries left, or
 *       {@link Outcome#EXHAUSTED} if that was the last one.</li>
 * </ol>
 * With the default of 5, the fifth wrong try voids the code.
 *
 * <p>"Newest only" is the store's job: it returns only the newest code of the (subject, purpose), so an older code
 * the user still has simply does not match. The caller hashes the candidate with the key named by the stored code's
 * {@link HashedCode#keyId()}, which keeps codes valid across key rotation. {@code now} is passed in rather than read,
 * so the Keycloak adapter can use Keycloak's (test-offsettable) clock.
 */
public final class CodeCheck {

    /** What happened, in terms the login page can show. */
    public enum Outcome {
        /** The code is right and now consumed. */
        VALID,
        /** The code is wrong; {@link Result#attemptsLeft()} tries remain. */
        WRONG,
        /** The code's lifetime has passed. */
        EXPIRED,
        /** Too many wrong tries; the code is void and a new one must be requested. */
        EXHAUSTED,
        /** The code was already redeemed. */
        CONSUMED,
        /** There is no code for this user and purpose (never sent, or replaced and removed). */
        NO_CODE
    }

    /**
     * @param outcome      the decision
     * @param attemptsLeft wrong tries still allowed after this one; meaningful for {@link Outcome#WRONG}, 0 when the
     *                     code cannot be redeemed any more
     * @param toPersist    the new state of the stored code to write back, or empty if nothing changed
     */
    public record Result(Outcome outcome, int attemptsLeft, Optional<StoredCode> toPersist) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(toPersist, "toPersist");
        }

        public boolean isValid() {
            return outcome == Outcome.VALID;
        }

        /** A wrong code was typed: counts towards the per-code limit and brute-force protection. */
        public boolean isWrongGuess() {
            return outcome == Outcome.WRONG || outcome == Outcome.EXHAUSTED;
        }
    }

    private CodeCheck() {
    }

    /**
     * Decides on a candidate.
     *
     * @param newest    the newest stored code of the (subject, purpose), as returned by the store, or empty
     * @param candidate hash of the normalised user input, made with the stored code's key
     * @param now       the current time
     * @param policy    the policy for the purpose's kind; its {@code maxAttempts} applies
     * @throws IllegalArgumentException if the policy is for a different kind of code than the stored one
     */
    public static Result verify(Optional<StoredCode> newest, HashedCode candidate, Instant now, CodePolicy policy) {
        return verify(newest, candidate, now, policy, true);
    }

    /**
     * As {@link #verify(Optional, HashedCode, Instant, CodePolicy)}, but with {@code mayMatch} false even the right
     * code counts as one more wrong try: how a code is refused where it must not work (typed in another sign-in than
     * the one that sent it, or while its account is locked) with exactly the answer a wrong code gets.
     */
    public static Result verify(Optional<StoredCode> newest, HashedCode candidate, Instant now, CodePolicy policy,
                                boolean mayMatch) {
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        if (newest.isEmpty()) {
            return new Result(Outcome.NO_CODE, 0, Optional.empty());
        }
        StoredCode code = newest.get();
        if (code.purpose().kind() != policy.kind()) {
            throw new IllegalArgumentException(
                    "policy is for " + policy.kind() + " codes but " + code.purpose() + " uses " + code.purpose().kind());
        }
        int maxAttempts = policy.maxAttempts();

        if (code.consumed()) {
            return new Result(Outcome.CONSUMED, 0, Optional.empty());
        }
        if (code.isExpiredAt(now)) {
            return new Result(Outcome.EXPIRED, 0, Optional.empty());
        }
        if (code.attempts() >= maxAttempts) {
            return new Result(Outcome.EXHAUSTED, 0, Optional.empty());
        }
        // Compared even when it may not match, so a refused right code costs the same time as a wrong one.
        boolean matches = CodeHasher.matches(code.hashedCode(), candidate);
        if (matches && mayMatch) {
            return new Result(Outcome.VALID, maxAttempts - code.attempts(), Optional.of(code.asConsumed()));
        }
        StoredCode charged = code.withFailedAttempt();
        int left = maxAttempts - charged.attempts();
        Outcome outcome = left > 0 ? Outcome.WRONG : Outcome.EXHAUSTED;
        return new Result(outcome, left, Optional.of(charged));
    }
}
