package eu.unify.keycloak.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way the integration tests wait for something the server does in the background (Keycloak records brute-force
 * failures on another thread, a mail arrives, a purge runs): read it again every 100 ms until it is as expected or 10
 * seconds have passed, then hand back the last value for the test to assert on, so a failure shows what was seen.
 *
 * <p>Never a fixed sleep for the passing of time: a cooldown or an expiry is reached by moving the server's clock
 * ({@code @InjectTimeOffSet TimeOffSet}). What a browser shows is waited for with Selenium's {@code WebDriverWait}
 * (the page objects and {@link Browser} do that).
 */
public final class Waits {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 100;

    private Waits() {
    }

    /** {@code read}'s value once {@code done} holds for it, or its last value after {@link #TIMEOUT}. */
    public static <T> T until(Supplier<T> read, Predicate<? super T> done) {
        return until(read, done, TIMEOUT);
    }

    public static <T> T until(Supplier<T> read, Predicate<? super T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }
}
