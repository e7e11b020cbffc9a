package eu.unify.keycloak.audit.listener;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The thread CPU time the listener spends on the events it records, for the benchmark: on only when the server runs
 * with {@code -D}{@value #PROPERTY}{@code =true} (a JVM option of measurement runs, not a setting: no deployment needs
 * it); off, every call returns at once. The side-by-side benchmark sees the listener's cost only as the difference of
 * two noisy totals; this sees the part spent in the listener's own code, down to microseconds.
 *
 * <p>Counted apart: the listener's own work (mapping events to records, the append with its statements, and taking
 * the database connection where the append is the transaction's first use of it; the steps after the commit), and
 * the flush of the action's own pending writes before the append, which is work Keycloak's commit would otherwise do.
 * Not counted: the commit itself (of the token exchange's transaction, say, which stock Keycloak serves without the
 * database).
 */
final class ListenerCpu {

    static final String PROPERTY = "unify.audit.measureCpu";

    private final ThreadMXBean threads;
    private final LongAdder events = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder ownNanos = new LongAdder();
    private final LongAdder flushNanos = new LongAdder();

    private ListenerCpu(ThreadMXBean threads) {
        this.threads = threads;
    }

    static ListenerCpu fromSystemProperty() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean on = Boolean.getBoolean(PROPERTY) && threads.isCurrentThreadCpuTimeSupported();
        return new ListenerCpu(on ? threads : null);
    }

    /** The current thread's CPU time, to pass to {@link #own} or {@link #flushed}; 0 when off. */
    long start() {
        return threads == null ? 0 : threads.getCurrentThreadCpuTime();
    }

    /** Counts an event the listener was given. */
    void event() {
        if (threads != null) {
            events.increment();
        }
    }

    /** Counts a record the listener appends (an event it records: not a skipped token request). */
    void record() {
        if (threads != null) {
            records.increment();
        }
    }

    /** Adds the time since {@code start} to the listener's own work. */
    void own(long start) {
        if (threads != null) {
            ownNanos.add(threads.getCurrentThreadCpuTime() - start);
        }
    }

    /** Adds the time since {@code start} to the flush; returns the current time, as {@link #start} would. */
    long flushed(long start) {
        if (threads == null) {
            return 0;
        }
        long now = threads.getCurrentThreadCpuTime();
        flushNanos.add(now - start);
        return now;
    }

    /** For the provider info: the totals since start, when on; nothing when off. */
    Map<String, String> info() {
        if (threads == null) {
            return Map.of();
        }
        return Map.of("measuredEvents", Long.toString(events.sum()),
                "measuredRecords", Long.toString(records.sum()),
                "measuredOwnCpuMicros", Long.toString(ownNanos.sum() / 1000),
                "measuredFlushCpuMicros", Long.toString(flushNanos.sum() / 1000));
    }
}
