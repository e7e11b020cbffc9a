package eu.unify.keycloak.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table the benchmark prints: per scenario its server CPU per step with its standard error over the batches,
 * latency percentiles, and against its baseline the ratio (scenario / baseline CPU per step) and the extra CPU per
 * step (scenario minus baseline).
 */
public final class ResultTable {

    private static final String[] HEADER = {"scenario", "baseline", "steps", "CPU ms/step", "+-", "p50 ms", "p95 ms",
            "ratio", "extra CPU ms/step", ""};

    private ResultTable() {
    }

    /**
     * The rows in the given order, then a legend of what one step is. The last column compares every row with the
     * reference, the first scenario without a baseline (the stock login): what a step costs in stock logins.
     */
    public static String format(List<ScenarioResult> results) {
        Map<String, ScenarioResult> byName = results.stream()
                .collect(Collectors.toMap(ScenarioResult::name, Function.identity(), (a, b) -> a));
        Optional<ScenarioResult> reference = results.stream().filter(r -> r.baseline().isEmpty()).findFirst();
        List<String[]> rows = new ArrayList<>();
        String[] header = HEADER.clone();
        header[header.length - 1] = "x " + reference.map(ScenarioResult::name).orElse("reference");
        rows.add(header);
        for (ScenarioResult result : results) {
            Optional<ScenarioResult> baseline = result.baseline().map(byName::get);
            double cpu = result.cpuMillisPerStep();
            rows.add(new String[] {
                    result.name(),
                    result.baseline().orElse("-"),
                    Long.toString(result.steps()),
                    number(cpu, 2),
                    number(result.cpuMillisStandardError(), 2),
                    number(result.latencyMillis(50), 1),
                    number(result.latencyMillis(95), 1),
                    baseline.map(b -> number(cpu / b.cpuMillisPerStep(), 2)).orElse("-"),
                    baseline.map(b -> signed(cpu - b.cpuMillisPerStep())).orElse("-"),
                    reference.map(r -> number(cpu / r.cpuMillisPerStep(), 2)).orElse("-")});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[HEADER.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.append(line(rule, widths));
            }
        }
        out.append('\n');
        for (ScenarioResult result : results) {
            out.append(result.name()).append(": ").append(result.stepDescription()).append('\n');
        }
        for (ScenarioResult result : results) {
            for (String report : result.report()) {
                out.append(result.name()).append(": ").append(report).append('\n');
            }
        }
        return out.toString();
    }

    /** A Markdown table row: first two columns left-aligned, numbers right-aligned. */
    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
            line.append(' ').append(String.format(Locale.ROOT, format, cells[i])).append(" |");
        }
        return line.append('\n').toString();
    }

    private static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
    }

    private static String signed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.2f", value) : "n/a";
    }
}
