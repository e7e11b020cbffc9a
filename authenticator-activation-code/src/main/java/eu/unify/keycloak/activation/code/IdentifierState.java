package eu.unify.keycloak.activation.code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-in page answers about one identifier (what a visitor typed, see {@link IdentifierKey}), as a pure
 * function of the codes asked for that identifier: the resend cooldown and hourly cap, and the answer to a wrong code
 * (tries left, void, expired). It never looks at an account, so a known and an unknown identifier asked the same
 * things get the same answers, from any number of browsers.
 *
 * <p>Whether a typed code is right is decided elsewhere, by the account's stored code; a wrong code is answered from
 * here alone.
 *
 * @param requests the sends granted for the identifier inside the throttle's window, in any order
 */
public record IdentifierState(List<Request> requests) {

    /**
     * One granted send.
     *
     * @param id       the stored row, to count wrong tries on
     * @param sentAt   when it was granted
     * @param attempts wrong codes typed since, for this identifier
     */
    public record Request(String id, Instant sentAt, int attempts) {

        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    /**
     * The answer to a code that is not the right one.
     *
     * @param result  what to show (never {@code VALID} or {@code CONSUMED}; {@code toPersist} is always empty)
     * @param countOn the request to count the wrong try on, or empty when it counts nowhere (no live code)
     */
    public record WrongCode(CodeCheck.Result result, Optional<Request> countOn) {
    }

    public IdentifierState {
        List<Request> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparing(Request::sentAt));
        requests = List.copyOf(sorted);
    }

    /** The newest granted send: the one whose code is live for the identifier. */
    public Optional<Request> newest() {
        return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
    }

    /** Whether another code may be sent for the identifier now. */
    public ResendThrottle.Decision throttle(CodePolicy policy, Instant now) {
        return ResendThrottle.of(policy).decide(requests.stream().map(Request::sentAt).toList(), now);
    }

    /** The same checks and order as {@link CodeCheck#verify} for a code that does not match. */
    public WrongCode wrongCode(CodePolicy policy, Instant now) {
        Optional<Request> newest = newest();
        if (newest.isEmpty()) {
            return new WrongCode(new CodeCheck.Result(CodeCheck.Outcome.NO_CODE, 0, Optional.empty()), Optional.empty());
        }
        Request live = newest.get();
        if (!live.sentAt().plus(policy.lifetime()).isAfter(now)) {
            return new WrongCode(new CodeCheck.Result(CodeCheck.Outcome.EXPIRED, 0, Optional.empty()), Optional.empty());
        }
        if (live.attempts() >= policy.maxAttempts()) {
            return new WrongCode(new CodeCheck.Result(CodeCheck.Outcome.EXHAUSTED, 0, Optional.empty()),
                    Optional.empty());
        }
        int left = policy.maxAttempts() - live.attempts() - 1;
        CodeCheck.Outcome outcome = left > 0 ? CodeCheck.Outcome.WRONG : CodeCheck.Outcome.EXHAUSTED;
        return new WrongCode(new CodeCheck.Result(outcome, left, Optional.empty()), Optional.of(live));
    }
}
