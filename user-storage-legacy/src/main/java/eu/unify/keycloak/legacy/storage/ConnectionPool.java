package eu.unify.keycloak.legacy.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A small bounded pool of connections to the legacy store. At most {@code size} connections exist; a caller waits
 * at most {@code waitTimeout} for one, so a stuck legacy database never ties up Keycloak's request threads. Idle
 * connections are checked before reuse; a connection that failed is closed rather than returned.
 */
final class ConnectionPool implements AutoCloseable {

    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(ConnectionPool.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final ConnectionOpener opener;
    private final Semaphore permits;
    private final Duration waitTimeout;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(ConnectionOpener opener, int size, Duration waitTimeout) {
        this.opener = opener;
        this.permits = new Semaphore(Math.max(1, size), true);
        this.waitTimeout = waitTimeout;
    }

    /** A borrowed connection; closing the lease gives it back. */
    final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean broken;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        /** The connection failed: close it instead of reusing it. */
        void markBroken() {
            broken = true;
        }

        @Override
        public void close() {
            giveBack(connection, broken);
        }
    }

    Lease borrow() throws SQLException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a legacy store connection", e);
        }
        if (!acquired) {
            throw new SQLTimeoutException("no legacy store connection free within " + waitTimeout.toMillis() + " ms");
        }
        try {
            Connection reused;
            while ((reused = takeIdle()) != null) {
                if (isUsable(reused)) {
                    return new Lease(reused);
                }
                closeQuietly(reused);
            }
            return new Lease(opener.open());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private synchronized Connection takeIdle() throws SQLException {
        if (closed) {
            throw new SQLException("the legacy store connection pool is closed");
        }
        return idle.pollFirst();
    }

    private void giveBack(Connection connection, boolean broken) {
        try {
            boolean keep = !broken;
            if (keep) {
                try {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                } catch (SQLException e) {
                    keep = false;
                }
            }
            synchronized (this) {
                if (keep && !closed) {
                    idle.addFirst(connection);
                    return;
                }
            }
            closeQuietly(connection);
        } finally {
            permits.release();
        }
    }

    private static boolean isUsable(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("closing a legacy store connection failed: %s", e.getMessage());
        }
    }
}
