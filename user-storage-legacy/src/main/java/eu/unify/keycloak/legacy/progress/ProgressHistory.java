package eu.unify.keycloak.legacy.progress;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The daily snapshots of a realm's migration counts, so ops see the rollout over time: one per UTC day, the last
 * {@value #KEPT_DAYS} kept, stored as JSON in the realm attribute {@value #ATTRIBUTE} (so a realm export carries
 * them). Taken by {@link ProgressSnapshotTask} once a day, or on request.
 */
final class ProgressHistory {

    static final String ATTRIBUTE = "unify.legacy.progressHistory";
    static final int KEPT_DAYS = 400;

    /** The realm's totals on one day; total, disabled and pending are null when a legacy store did not answer. */
    public record Snapshot(String date, Long total, Long disabled, long imported, long moved, Long pending) {

        static Snapshot of(LocalDate day, WaveProgress totals) {
            return new Snapshot(day.toString(), totals.total(), totals.disabled(), totals.imported(), totals.moved(),
                    totals.pending());
        }
    }

    private ProgressHistory() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static List<Snapshot> of(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.of(JsonSerialization.readValue(json, Snapshot[].class));
        } catch (IOException | RuntimeException e) {
            // A history edited by hand into something unreadable starts afresh rather than failing the report.
            return List.of();
        }
    }

    static boolean hasSnapshotOf(RealmModel realm, LocalDate day) {
        List<Snapshot> history = of(realm);
        return !history.isEmpty() && history.get(history.size() - 1).date().equals(day.toString());
    }

    /** Records {@code snapshot}, replacing one of the same day, dropping the oldest beyond {@value #KEPT_DAYS}. */
    static List<Snapshot> record(RealmModel realm, Snapshot snapshot) {
        List<Snapshot> history = new ArrayList<>(of(realm).stream()
                .filter(s -> !s.date().equals(snapshot.date())).toList());
        history.add(snapshot);
        history.sort(java.util.Comparator.comparing(Snapshot::date));
        while (history.size() > KEPT_DAYS) {
            history.remove(0);
        }
        try {
            realm.setAttribute(ATTRIBUTE, JsonSerialization.writeValueAsString(history));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the progress history", e);
        }
        return List.copyOf(history);
    }

    /**
     * The history as an SVG line chart: moved, pending, imported and disabled per day. Self-contained (no scripts,
     * no external resources), with a title and a text description for screen readers.
     */
    static String chart(String realmName, List<Snapshot> history) {
        int width = 800;
        int height = 360;
        int left = 60;
        int right = 150;
        int top = 40;
        int bottom = 50;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        long max = 1;
        for (Snapshot s : history) {
            max = Math.max(max, Math.max(Math.max(s.moved(), s.imported()),
                    Math.max(s.pending() == null ? 0 : s.pending(), s.disabled() == null ? 0 : s.disabled())));
        }
        StringBuilder svg = new StringBuilder(4096);
        String title = "Legacy migration of realm " + xml(realmName);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"t d\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<title id=\"t\">").append(title).append("</title><desc id=\"d\">");
        if (history.isEmpty()) {
            svg.append("No snapshot yet.");
        } else {
            Snapshot last = history.get(history.size() - 1);
            svg.append(String.format(Locale.ROOT, "%d daily snapshots from %s to %s; on %s: moved %d, pending %s, "
                    + "imported %d, disabled %s.", history.size(), history.get(0).date(), last.date(), last.date(),
                    last.moved(), last.pending(), last.imported(), last.disabled()));
        }
        svg.append("</desc><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
                .append("<text x=\"").append(left).append("\" y=\"24\" font-size=\"16\" fill=\"#172033\">")
                .append(title).append("</text>");
        // Axes and a few grid lines with their values.
        for (int i = 0; i <= 4; i++) {
            int y = top + plotHeight - plotHeight * i / 4;
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(left + plotWidth).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#dde2ea\"/><text x=\"").append(left - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" fill=\"#4a5568\">").append(max * i / 4).append("</text>");
        }
        if (!history.isEmpty()) {
            svg.append("<text x=\"").append(left).append("\" y=\"").append(height - 20)
                    .append("\" fill=\"#4a5568\">").append(history.get(0).date()).append("</text>")
                    .append("<text x=\"").append(left + plotWidth).append("\" y=\"").append(height - 20)
                    .append("\" text-anchor=\"end\" fill=\"#4a5568\">")
                    .append(history.get(history.size() - 1).date()).append("</text>");
        }
        String[][] series = {{"moved", "#1f7a3d"}, {"pending", "#b4441b"}, {"imported", "#2456a6"},
                {"disabled", "#6b7280"}};
        for (int k = 0; k < series.length; k++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < history.size(); i++) {
                Long value = value(history.get(i), series[k][0]);
                if (value == null) {
                    continue;
                }
                int x = left + (history.size() == 1 ? plotWidth / 2 : plotWidth * i / (history.size() - 1));
                long y = top + plotHeight - plotHeight * value / max;
                points.append(x).append(',').append(y).append(' ');
            }
            if (points.length() > 0) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(series[k][1])
                        .append("\" points=\"").append(points.toString().trim()).append("\"/>");
            }
            int legendY = top + 10 + k * 20;
            svg.append("<line x1=\"").append(width - right + 20).append("\" y1=\"").append(legendY - 4)
                    .append("\" x2=\"").append(width - right + 44).append("\" y2=\"").append(legendY - 4)
                    .append("\" stroke-width=\"3\" stroke=\"").append(series[k][1]).append("\"/><text x=\"")
                    .append(width - right + 50).append("\" y=\"").append(legendY).append("\" fill=\"#172033\">")
                    .append(series[k][0]).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static Long value(Snapshot s, String series) {
        return switch (series) {
            case "moved" -> s.moved();
            case "pending" -> s.pending();
            case "imported" -> s.imported();
            default -> s.disabled();
        };
    }

    private static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
