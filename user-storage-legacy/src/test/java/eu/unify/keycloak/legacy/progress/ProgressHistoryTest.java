package eu.unify.keycloak.legacy.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class ProgressHistoryTest {

    /** A realm that keeps its attributes in a map; nothing else is used. */
    private static RealmModel realm(Map<String, String> attributes) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ProgressHistory.Snapshot day(String date, long moved) {
        return new ProgressHistory.Snapshot(date, 10L, 1L, 2, moved, 9 - moved);
    }

    @Test
    void oneSnapshotPerDayOldestFirst() {
        RealmModel realm = realm(new HashMap<>());
        assertThat(ProgressHistory.of(realm)).isEmpty();
        ProgressHistory.record(realm, day("2026-12-02", 3));
        ProgressHistory.record(realm, day("2026-12-01", 1));
        List<ProgressHistory.Snapshot> history = ProgressHistory.record(realm, day("2026-12-02", 4));

        assertThat(history).containsExactly(day("2026-12-01", 1), day("2026-12-02", 4));
        assertThat(ProgressHistory.of(realm)).isEqualTo(history);
        assertThat(ProgressHistory.hasSnapshotOf(realm, LocalDate.parse("2026-12-02"))).isTrue();
        assertThat(ProgressHistory.hasSnapshotOf(realm, LocalDate.parse("2026-12-03"))).isFalse();
    }

    @Test
    void theOldestGoBeyondTheKeptDays() {
        RealmModel realm = realm(new HashMap<>());
        LocalDate start = LocalDate.parse("2025-01-01");
        for (int i = 0; i < ProgressHistory.KEPT_DAYS + 5; i++) {
            ProgressHistory.record(realm, day(start.plusDays(i).toString(), i));
        }
        List<ProgressHistory.Snapshot> history = ProgressHistory.of(realm);
        assertThat(history).hasSize(ProgressHistory.KEPT_DAYS);
        assertThat(history.get(0).date()).isEqualTo(start.plusDays(5).toString());
    }

    @Test
    void anUnreadableHistoryStartsAfresh() {
        Map<String, String> attributes = new HashMap<>(Map.of(ProgressHistory.ATTRIBUTE, "{not json"));
        assertThat(ProgressHistory.of(realm(attributes))).isEmpty();
    }

    @Test
    void theChartDrawsEverySeriesAndDescribesItself() {
        String svg = ProgressHistory.chart("Acme <Oy> & \"Co\"", List.of(day("2026-12-01", 1),
                new ProgressHistory.Snapshot("2026-12-02", null, null, 3, 5, null), day("2026-12-03", 6)));

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"")
                .contains("<title id=\"t\">Legacy migration of realm Acme &lt;Oy&gt; &amp; &quot;Co&quot;</title>")
                .contains("3 daily snapshots from 2026-12-01 to 2026-12-03; on 2026-12-03: moved 6, pending 3")
                .doesNotContain("<script");
        assertThat(svg.split("<polyline", -1)).hasSize(5);
        assertThat(ProgressHistory.chart("x", List.of())).contains("No snapshot yet.");
    }
}
