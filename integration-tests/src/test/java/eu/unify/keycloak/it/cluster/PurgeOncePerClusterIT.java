package eu.unify.keycloak.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scheduled purges run once per interval across the cluster, not once per node: every node's timer fires, one node
 * claims the interval and runs the purge, the others skip. The cluster runs the audit purge every minute; the test reads
 * the nodes' logs (the scheduling logs each run and each skip with the node's timestamp).
 */
@ExtendWith(ClusterExtension.class)
class PurgeOncePerClusterIT {

    private static final String TASK = "unify-audit-purge";
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*(Running|Skipping) " + TASK, Pattern.MULTILINE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private record Run(LocalDateTime at, int node, boolean ran) {
    }

    @Test
    void theAuditPurgeRunsOncePerIntervalWhateverTheNumberOfNodes(KeycloakCluster cluster) throws Exception {
        // Wait (at most four intervals) until two runs happened and every node's timer fired at least once (a node
        // that fires inside another's interval skips). Per node, a timer first fires an interval after its start.
        long deadline = System.currentTimeMillis() + INTERVAL.multipliedBy(4).toMillis();
        List<Run> seen = runs(cluster);
        while (!(ran(seen).size() >= 2 && firedOnEveryNode(seen, cluster) && seen.stream().anyMatch(r -> !r.ran()))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(2_000);
            seen = runs(cluster);
        }
        List<Run> ran = ran(seen);
        assertThat(ran).as("purge runs seen in the node logs: %s", seen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(firedOnEveryNode(seen, cluster)).as("every node's timer fired: %s", seen).isTrue();
        assertThat(seen).as("a node skipped an interval another node had run").anyMatch(r -> !r.ran());
        for (int i = 1; i < ran.size(); i++) {
            Duration gap = Duration.between(ran.get(i - 1).at(), ran.get(i).at());
            // A claim lasts 90 % of the interval; one run per interval means no two runs closer than that.
            assertThat(gap).as("between runs %s and %s", ran.get(i - 1), ran.get(i))
                    .isGreaterThanOrEqualTo(INTERVAL.multipliedBy(9).dividedBy(10).minusSeconds(1));
        }
    }

    private static List<Run> ran(List<Run> runs) {
        return runs.stream().filter(Run::ran).toList();
    }

    private static boolean firedOnEveryNode(List<Run> runs, KeycloakCluster cluster) {
        return cluster.nodes().stream().allMatch(n -> runs.stream().anyMatch(r -> r.node() == n.number()));
    }

    /** Every run and skip the nodes logged, oldest first (all nodes log the same machine's clock). */
    private static List<Run> runs(KeycloakCluster cluster) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (KeycloakCluster.Node node : cluster.nodes()) {
            String log = java.nio.file.Files.exists(node.log())
                    ? java.nio.file.Files.readString(node.log()) : "";
            Matcher matcher = LINE.matcher(log);
            while (matcher.find()) {
                runs.add(new Run(LocalDateTime.parse(matcher.group(1), TIME), node.number(),
                        "Running".equals(matcher.group(2))));
            }
        }
        runs.sort(Comparator.comparing(Run::at));
        return runs;
    }
}
