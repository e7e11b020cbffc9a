package eu.unify.keycloak.legacy.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.common.json.UnifyJson;

class WaveProgressTest {

    private static Map<String, Long> counts(Object... waveAndCount) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < waveAndCount.length; i += 2) {
            counts.put((String) waveAndCount[i], ((Number) waveAndCount[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void pendingIsTotalMinusMovedPerWave() {
        List<WaveProgress> rows = WaveProgress.of(counts("1", 5, "2", 3), Map.of(), counts("1", 2, "2", 3),
                counts("1", 2));

        assertThat(rows).containsExactly(new WaveProgress("1", 5L, 0L, 2, 2, 3L),
                new WaveProgress("2", 3L, 0L, 3, 0, 3L));
        assertThat(WaveProgress.sum(rows, true)).isEqualTo(new WaveProgress(null, 8L, 0L, 5, 2, 6L));
    }

    @Test
    void disabledLegacyAccountsAreCountedOnTheirOwnAndAreNotPending() {
        List<WaveProgress> rows = WaveProgress.of(counts("1", 5, "2", 3), counts("1", 2), counts("1", 1),
                counts("1", 1, "2", 3));

        assertThat(rows).containsExactly(new WaveProgress("1", 5L, 2L, 1, 1, 2L),
                new WaveProgress("2", 3L, 0L, 0, 3, 0L));
        assertThat(WaveProgress.sum(rows, true)).isEqualTo(new WaveProgress(null, 8L, 2L, 1, 4, 2L));
    }

    @Test
    void everyWaveThatOccursAnywhereHasARowInNaturalOrder() {
        List<WaveProgress> rows = WaveProgress.of(counts("10", 1, "2", 1, "spring", 1, null, 4), Map.of(),
                counts("x", 1), counts("3", 1));

        assertThat(rows).extracting(WaveProgress::wave).containsExactly("2", "3", "10", "spring", "x", null);
        assertThat(rows.get(1)).isEqualTo(new WaveProgress("3", 0L, 0L, 0, 1, 0L));
        assertThat(rows.get(5)).isEqualTo(new WaveProgress(null, 4L, 0L, 0, 0, 4L));
    }

    @Test
    void movedAccountsGoneFromTheLegacyStoreNeverMakePendingNegative() {
        assertThat(WaveProgress.of(counts("1", 1), Map.of(), Map.of(), counts("1", 3)).get(0).pending()).isZero();
    }

    @Test
    void unknownTotalsLeaveTotalAndPendingEmptyButKeepKeycloaksCounts() {
        List<WaveProgress> rows = WaveProgress.of(null, counts("1", 7), counts("1", 2), counts("1", 1, "2", 4));

        assertThat(rows).containsExactly(new WaveProgress("1", null, null, 2, 1, null),
                new WaveProgress("2", null, null, 0, 4, null));
        assertThat(WaveProgress.sum(rows, false)).isEqualTo(new WaveProgress(null, null, null, 2, 5, null));
    }

    @Test
    void theReportAlwaysHasEveryField() {
        List<WaveProgress> rows = WaveProgress.of(null, Map.of(), counts("1", 2), Map.of());
        ProgressReport report = new ProgressReport("acme", false, List.of(new ProgressReport.Store("c1",
                "legacy \"pg\"", true, false, "The legacy database did not answer in time."),
                new ProgressReport.Store("c2", "<b>", false, false, null)), rows, WaveProgress.sum(rows, false),
                List.of(new ProgressReport.FailedMail("u1", "a@example.com", "activation-message")));

        assertThat(UnifyJson.write(report)).isEqualTo("{\"realm\":\"acme\","
                + "\"complete\":false,\"stores\":[{\"id\":\"c1\",\"name\":\"legacy \\\"pg\\\"\",\"enabled\":true,"
                + "\"available\":false,\"error\":\"The legacy database did not answer in time.\"},"
                + "{\"id\":\"c2\",\"name\":\"\\u003Cb\\u003E\",\"enabled\":false,\"available\":false}],"
                + "\"waves\":[{\"wave\":\"1\",\"total\":null,\"disabled\":null,\"imported\":2,\"moved\":0,"
                + "\"pending\":null}],\"totals\":{\"wave\":null,\"total\":null,\"disabled\":null,\"imported\":2,"
                + "\"moved\":0,\"pending\":null},\"failedMails\":[{\"id\":\"u1\",\"username\":\"a@example.com\","
                + "\"mail\":\"activation-message\"}]}");
    }
}
