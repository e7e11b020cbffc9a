package eu.unify.keycloak.common.scheduled;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * A scheduled task that runs once per interval across the whole cluster, not once per node.
 *
 * <p>Every node's timer fires it; the first node to claim the interval runs it, the others skip. The claim is a
 * single-use key in Keycloak's cluster-wide store ({@link org.keycloak.models.SingleUseObjectProvider}, replicated to
 * every node), which expires a little before the next interval so that the node that ran last can claim the next
 * interval too. Keycloak's own {@code ClusterAwareScheduledTaskRunner} only keeps two runs from overlapping: its lock is
 * released when a run ends, so a node whose timer fires later in the same interval would run the task again.
 *
 * <p>On a single node (or with the local cache) the claim always succeeds, so the task runs once per interval as
 * before.
 */
public final class OncePerClusterTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(OncePerClusterTask.class);
    private static final String KEY_PREFIX = "unify-scheduled::";

    private final ScheduledTask task;
    private final long intervalMillis;

    OncePerClusterTask(ScheduledTask task, long intervalMillis) {
        this.task = task;
        this.intervalMillis = intervalMillis;
    }

    /** Schedules {@code task} on this node's timer, to run once per {@code intervalMillis} across the cluster. */
    public static void schedule(KeycloakSessionFactory factory, ScheduledTask task, long intervalMillis) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                // The timer runs the task in its own session and transaction.
                timer.scheduleTask(new OncePerClusterTask(task, intervalMillis), intervalMillis);
            }
        }
    }

    /** How long a claim lasts: 90 % of the interval (at least a second), so that timer jitter cannot skip a run. */
    static long claimSeconds(long intervalMillis) {
        return Math.max(1, intervalMillis * 9 / 10 / 1000);
    }

    @Override
    public void run(KeycloakSession session) {
        run(session.singleUseObjects(), session);
    }

    /** Runs the task if this node claims the interval in {@code claims} (the cluster-wide single-use store). */
    void run(SingleUseObjectProvider claims, KeycloakSession session) {
        String name = task.getTaskName();
        if (claims.putIfAbsent(KEY_PREFIX + name, claimSeconds(intervalMillis))) {
            LOG.debugf("Running %s (claimed this interval on this node)", name);
            task.run(session);
        } else {
            LOG.debugf("Skipping %s: another node ran it in this interval", name);
        }
    }

    @Override
    public String getTaskName() {
        return task.getTaskName();
    }
}
