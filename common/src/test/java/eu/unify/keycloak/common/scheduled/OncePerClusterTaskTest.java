package eu.unify.keycloak.common.scheduled;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.timer.ScheduledTask;

/** The claim logic of {@link OncePerClusterTask}; the cluster itself is proven by PurgeOncePerClusterIT. */
class OncePerClusterTaskTest {

    @Test
    void aClaimLastsNineTenthsOfTheIntervalAndAtLeastASecond() {
        assertThat(OncePerClusterTask.claimSeconds(60 * 60_000L)).isEqualTo(3240);
        assertThat(OncePerClusterTask.claimSeconds(60_000L)).isEqualTo(54);
        assertThat(OncePerClusterTask.claimSeconds(500L)).isEqualTo(1);
    }

    @Test
    void ofTwoNodesFiringInOneIntervalOnlyTheFirstRunsTheTask() throws Exception {
        Map<String, Long> clusterStore = new HashMap<>();
        AtomicInteger runs = new AtomicInteger();
        ScheduledTask task = new ScheduledTask() {
            // Runs in the node's session; the claim is what is under test, so there is none here.
            @Override
            public void run(KeycloakSession session) {
                runs.incrementAndGet();
            }

            @Override
            public String getTaskName() {
                return "purge";
            }
        };
        OncePerClusterTask nodeOne = new OncePerClusterTask(task, 60_000L);
        OncePerClusterTask nodeTwo = new OncePerClusterTask(task, 60_000L);

        nodeOne.run(store(clusterStore), null);
        nodeTwo.run(store(clusterStore), null);
        assertThat(runs).hasValue(1);
        assertThat(clusterStore).containsEntry("unify-scheduled::purge", 54L);

        clusterStore.clear(); // the claim expired: the next interval
        nodeTwo.run(store(clusterStore), null);
        assertThat(runs).hasValue(2);
        assertThat(nodeOne.getTaskName()).isEqualTo("purge");
    }

    /** A single-use store over the shared map (what Keycloak replicates across the cluster). */
    private static SingleUseObjectProvider store(Map<String, Long> store) {
        return (SingleUseObjectProvider) Proxy.newProxyInstance(
                OncePerClusterTaskTest.class.getClassLoader(), new Class<?>[] {SingleUseObjectProvider.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putIfAbsent")) {
                        return store.putIfAbsent((String) args[0], (Long) args[1]) == null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
