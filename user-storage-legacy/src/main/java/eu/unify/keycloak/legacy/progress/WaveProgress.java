package eu.unify.keycloak.legacy.progress;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The progress of the move per wave. {@code total}: accounts in the legacy stores; {@code disabled}: of them, those
 * disabled in the legacy store (they never sign in, so never move; counted when the store's "count by wave" query has
 * the column {@code disabled}, else 0); {@code imported}: Keycloak users still linked to a legacy store; {@code moved}:
 * Keycloak-local users that carry a legacy username (the move is done); {@code pending}: total minus disabled minus
 * moved, never below zero. Total, disabled and pending are null when a legacy store did not answer. A null wave stands
 * for accounts without one.
 */
public record WaveProgress(String wave, Long total, Long disabled, long imported, long moved, Long pending) {

    /** Waves in a natural order: numbers by value, then other names, then "no wave". */
    static final Comparator<String> WAVE_ORDER = Comparator.nullsLast((a, b) -> {
        Long x = number(a);
        Long y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    });

    /**
     * One row per wave that occurs anywhere.
     *
     * @param totals   legacy accounts per wave, or null when they are unknown (a store did not answer)
     * @param disabled of them, the disabled ones per wave (ignored when totals are null)
     */
    public static List<WaveProgress> of(Map<String, Long> totals, Map<String, Long> disabled,
                                        Map<String, Long> imported, Map<String, Long> moved) {
        Map<String, Long> off = new java.util.HashMap<>(disabled == null ? Map.of() : disabled);
        Set<String> waves = new HashSet<>(imported.keySet());
        waves.addAll(moved.keySet());
        if (totals != null) {
            waves.addAll(totals.keySet());
        }
        return waves.stream().sorted(WAVE_ORDER).map(wave -> row(wave,
                totals == null ? null : totals.getOrDefault(wave, 0L),
                totals == null ? null : off.getOrDefault(wave, 0L),
                imported.getOrDefault(wave, 0L), moved.getOrDefault(wave, 0L))).toList();
    }

    /** All waves added up. */
    public static WaveProgress sum(List<WaveProgress> rows, boolean totalsKnown) {
        long total = rows.stream().mapToLong(r -> r.total() == null ? 0 : r.total()).sum();
        long disabled = rows.stream().mapToLong(r -> r.disabled() == null ? 0 : r.disabled()).sum();
        long imported = rows.stream().mapToLong(WaveProgress::imported).sum();
        long moved = rows.stream().mapToLong(WaveProgress::moved).sum();
        return row(null, totalsKnown ? total : null, totalsKnown ? disabled : null, imported, moved);
    }

    private static WaveProgress row(String wave, Long total, Long disabled, long imported, long moved) {
        return new WaveProgress(wave, total, disabled, imported, moved,
                total == null ? null : Math.max(0, total - disabled - moved));
    }

    private static Long number(String wave) {
        try {
            return Long.parseLong(wave.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
