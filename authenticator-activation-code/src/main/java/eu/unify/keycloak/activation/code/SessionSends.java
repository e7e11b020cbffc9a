package eu.unify.keycloak.activation.code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The send times of a user's codes of one purpose as the authentication session that sent the newest code saw them:
 * the sends it read for the throttle, and its own. Kept in that session, so that the form shown after a wrong code
 * can offer the resend button without reading the send log again.
 *
 * <p>They are all the sends there are as long as that session's code is still the newest one: every send replaces
 * the stored code, so a send from anywhere else since would have left a newer code, issued at another time. Hence
 * {@link #ifCurrent}: the send times only if the newest stored code was issued at the last of them.
 *
 * @param sends send times inside the throttle's window, oldest first, the session's own send last
 */
public record SessionSends(List<Instant> sends) {

    public SessionSends {
        sends = List.copyOf(sends);
        if (sends.isEmpty()) {
            throw new IllegalArgumentException("sends must hold at least the session's own send");
        }
    }

    /** The sends after one at {@code sentAt}, which followed {@code earlier} (older ones than the window dropped). */
    public static SessionSends after(Collection<Instant> earlier, Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        List<Instant> sends = new ArrayList<>(ResendThrottle.recentSends(earlier, sentAt));
        sends.add(sentAt);
        return new SessionSends(sends);
    }

    /** Epoch milliseconds, comma-separated: the form of an authentication session note. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (Instant sent : sends) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(sent.toEpochMilli());
        }
        return text.toString();
    }

    /** Read back from {@link #encode()}; empty for a missing or malformed note (then the send log is read). */
    public static Optional<SessionSends> decode(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        List<Instant> sends = new ArrayList<>();
        try {
            for (String millis : note.split(",")) {
                sends.add(Instant.ofEpochMilli(Long.parseLong(millis.trim())));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return sends.isEmpty() ? Optional.empty() : Optional.of(new SessionSends(sends));
    }

    /** The send times, if {@code newest} (the newest stored code) was issued at the last of them; else empty. */
    public Optional<List<Instant>> ifCurrent(Optional<StoredCode> newest) {
        Objects.requireNonNull(newest, "newest");
        Instant last = sends.get(sends.size() - 1);
        return newest.filter(code -> code.createdAt().equals(last)).map(code -> sends);
    }
}
