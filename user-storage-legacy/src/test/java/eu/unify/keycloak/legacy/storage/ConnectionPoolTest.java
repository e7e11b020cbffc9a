package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    /** A stand-in connection that only knows whether it is valid and closed. */
    static final class FakeConnection {
        final AtomicBoolean valid = new AtomicBoolean(true);
        final AtomicBoolean closed = new AtomicBoolean();
        final Connection proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid.get() && !closed.get();
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "getAutoCommit" -> true;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> null;
                });
    }

    private final List<FakeConnection> opened = new ArrayList<>();

    private ConnectionPool pool(int size) {
        return new ConnectionPool(() -> {
            FakeConnection connection = new FakeConnection();
            opened.add(connection);
            return connection.proxy;
        }, size, Duration.ofMillis(50));
    }

    @Test
    void aReturnedConnectionIsReused() throws SQLException {
        ConnectionPool pool = pool(2);
        Connection first;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            first = lease.connection();
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(first);
        }
        assertThat(opened).hasSize(1);
    }

    @Test
    void neverMoreThanSizeConnectionsAndWaitingEndsInATimeout() throws SQLException {
        ConnectionPool pool = pool(2);
        try (ConnectionPool.Lease a = pool.borrow(); ConnectionPool.Lease b = pool.borrow()) {
            assertThatThrownBy(pool::borrow).isInstanceOf(SQLTimeoutException.class);
        }
        try (ConnectionPool.Lease c = pool.borrow()) {
            assertThat(opened).hasSize(2);
        }
    }

    @Test
    void brokenOrInvalidConnectionsAreClosedNotReused() throws SQLException {
        ConnectionPool pool = pool(1);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            lease.markBroken();
        }
        assertThat(opened.get(0).closed).isTrue();
        assertThat(pool.idleCount()).isZero();

        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(opened.get(1).proxy);
        }
        opened.get(1).valid.set(false);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isSameAs(opened.get(2).proxy);
        }
        assertThat(opened.get(1).closed).isTrue();
    }

    @Test
    void aFailedOpenGivesThePermitBack() throws SQLException {
        AtomicBoolean fail = new AtomicBoolean(true);
        ConnectionPool pool = new ConnectionPool(() -> {
            if (fail.get()) {
                throw new SQLException("connection refused");
            }
            return new FakeConnection().proxy;
        }, 1, Duration.ofMillis(50));
        assertThatThrownBy(pool::borrow).hasMessage("connection refused");
        fail.set(false);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertThat(lease.connection()).isNotNull();
        }
    }

    @Test
    void closingThePoolClosesIdleConnections() throws SQLException {
        ConnectionPool pool = pool(2);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            lease.connection();
        }
        pool.close();
        assertThat(opened.get(0).closed).isTrue();
        assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class);
    }
}
