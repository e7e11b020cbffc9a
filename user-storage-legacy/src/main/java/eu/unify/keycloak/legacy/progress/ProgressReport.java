package eu.unify.keycloak.legacy.progress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The progress report, written with Jackson ({@code UnifyJson}) so that every field is always present (null when
 * unknown). At 503 it follows Unify's error members ({@code ApiErrors}): {@code {"error","message",...report}}.
 */
record ProgressReport(String realm, boolean complete, List<Store> stores, List<WaveProgress> waves,
                      WaveProgress totals) {

    /** One legacy store of the realm: whether it answered, and in words why not (only when it did not). */
    record Store(String id, String name, boolean enabled, boolean available,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    static ProgressReport of(String realm, List<Store> stores, List<WaveProgress> waves, WaveProgress totals) {
        return new ProgressReport(realm, totals.total() != null, stores, waves, totals);
    }
}
