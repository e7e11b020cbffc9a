package eu.unify.keycloak.audit.listener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many events the listener could not record since start. Shown in the admin console's provider info (and by the
 * REST resource) so that ops notice a failing audit trail without reading logs.
 */
public final class AuditFailures {

    private final AtomicLong count = new AtomicLong();

    void record() {
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }
}
