package eu.unify.keycloak.legacy.storage;

import java.util.Map;

/**
 * What a legacy store's "count by wave" query says: accounts per wave, and of them the disabled ones (which never sign
 * in and so never move) when the query has the optional column {@code disabled}; empty without it. A null key is the
 * accounts without a wave.
 */
public record WaveCounts(Map<String, Long> total, Map<String, Long> disabled) {

    public WaveCounts {
        total = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(total));
        disabled = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(disabled));
    }
}
