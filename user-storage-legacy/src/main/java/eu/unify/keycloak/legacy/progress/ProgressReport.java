package eu.unify.keycloak.legacy.progress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The progress report, written with Jackson ({@code UnifyJson}) so that every field is always present (null when
 * unknown). At 503 it follows Unify's error members ({@code ApiErrors}): {@code {"error","message",...report}}.
 */
record ProgressReport(String realm, boolean complete, List<Store> stores, List<WaveProgress> waves,
                      WaveProgress totals, List<FailedMail> failedMails) {

    /** One legacy store of the realm: whether it answered, and in words why not (only when it did not). */
    record Store(String id, String name, boolean enabled, boolean available,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    /** An account whose mail from the move failed: its user id, username and which mail. */
    record FailedMail(String id, String username, String mail) {
    }

    static ProgressReport of(String realm, ProgressCounts counts, List<FailedMail> failedMails) {
        return new ProgressReport(realm, counts.totals().total() != null, counts.stores(), counts.waves(),
                counts.totals(), failedMails);
    }
}
