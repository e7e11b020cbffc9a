package eu.unify.keycloak.activation.jpa;

import java.time.Instant;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

import eu.unify.keycloak.activation.store.ActivationCodeStore;

/** Deletes codes past their lifetime and send records older than the throttle window. */
final class PurgeExpiredCodesTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(PurgeExpiredCodesTask.class);

    @Override
    public void run(KeycloakSession session) {
        int purged = ActivationCodeStore.of(session).purge(Instant.ofEpochMilli(Time.currentTimeMillis()));
        if (purged > 0) {
            LOG.debugf("Purged %d expired activation codes and send records", purged);
        }
    }

    @Override
    public String getTaskName() {
        return "unify-activation-code-purge";
    }
}
