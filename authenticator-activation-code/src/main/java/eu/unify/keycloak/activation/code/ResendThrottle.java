package eu.unify.keycloak.activation.code;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Whether another code may be sent now, and if not, until when: a cooldown after every send, and a cap on sends in
 * any sliding hour. The page uses {@link Decision#waitSeconds()} for a visible countdown.
 *
 * <p>The hour is the half-open window {@code (now - 1h, now]}: a send exactly one hour ago no longer counts. Every
 * send counts, the first one included. Pure: the caller passes the recorded send times and the current time, and may
 * use {@link #recentSends} to prune what it keeps.
 */
public final class ResendThrottle {

    /** The sliding window of the hourly cap. */
    public static final Duration WINDOW = Duration.ofHours(1);

    /** Why sending is or is not allowed. */
    public enum Verdict {
        /** Send now. */
        ALLOWED,
        /** The last send was too recent. */
        COOLDOWN,
        /** The hourly cap is reached. */
        HOURLY_CAP
    }

    /**
     * @param verdict     the decision
     * @param retryAt     the first instant at which sending is allowed ({@code now} when it is allowed already)
     * @param waitSeconds seconds from now until {@code retryAt}, rounded up so a countdown never shows 0 too early
     */
    public record Decision(Verdict verdict, Instant retryAt, long waitSeconds) {

        public Decision {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(retryAt, "retryAt");
        }

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    private final Duration cooldown;
    private final int maxSendsPerHour;

    /**
     * @param cooldown        minimum time between two sends; zero or more
     * @param maxSendsPerHour sends allowed in the window; at least 1
     */
    public ResendThrottle(Duration cooldown, int maxSendsPerHour) {
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative, was " + cooldown);
        }
        if (maxSendsPerHour < 1) {
            throw new IllegalArgumentException("maxSendsPerHour must be at least 1, was " + maxSendsPerHour);
        }
        this.cooldown = cooldown;
        this.maxSendsPerHour = maxSendsPerHour;
    }

    /** The throttle a policy describes. */
    public static ResendThrottle of(CodePolicy policy) {
        return new ResendThrottle(policy.resendCooldown(), policy.maxSendsPerHour());
    }

    /**
     * Decides whether a send is allowed at {@code now}.
     *
     * @param sendTimes when earlier codes were sent, in any order; older entries are ignored
     */
    public Decision decide(Collection<Instant> sendTimes, Instant now) {
        Objects.requireNonNull(now, "now");
        List<Instant> recent = recentSends(sendTimes, now);
        if (recent.isEmpty()) {
            return new Decision(Verdict.ALLOWED, now, 0);
        }

        Instant cooldownEnds = recent.get(recent.size() - 1).plus(cooldown);
        Instant capEnds = now;
        if (recent.size() >= maxSendsPerHour) {
            // Sending is allowed again once all but (max - 1) sends have left the window.
            capEnds = recent.get(recent.size() - maxSendsPerHour).plus(WINDOW);
        }

        boolean capped = capEnds.isAfter(now);
        boolean cooling = cooldownEnds.isAfter(now);
        if (capped && !cooldownEnds.isAfter(capEnds)) {
            return blocked(Verdict.HOURLY_CAP, capEnds, now);
        }
        if (cooling) {
            return blocked(Verdict.COOLDOWN, cooldownEnds, now);
        }
        return new Decision(Verdict.ALLOWED, now, 0);
    }

    /** The send times inside the window ending at {@code now}, oldest first: what is worth keeping. */
    public static List<Instant> recentSends(Collection<Instant> sendTimes, Instant now) {
        Objects.requireNonNull(sendTimes, "sendTimes");
        Objects.requireNonNull(now, "now");
        Instant windowStart = now.minus(WINDOW);
        List<Instant> recent = new ArrayList<>();
        for (Instant sent : sendTimes) {
            Objects.requireNonNull(sent, "sendTimes must not contain null");
            if (sent.isAfter(windowStart)) {
                recent.add(sent);
            }
        }
        Collections.sort(recent);
        return List.copyOf(recent);
    }

    private static Decision blocked(Verdict verdict, Instant until, Instant now) {
        Duration wait = Duration.between(now, until);
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return new Decision(verdict, until, seconds);
    }
}
