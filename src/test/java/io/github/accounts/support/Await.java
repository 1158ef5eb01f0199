package io.github.accounts.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one way tests wait: try again, pausing between tries, until a condition holds or the timeout passes. */
public final class Await {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final long PAUSE_MILLIS = 200;

    private Await() {
    }

    /** The first result that passes {@code done}, or the last one when the time is up (for the caller to assert on). */
    public static <T> T until(Supplier<T> attempt, Predicate<T> done) {
        return until(attempt, done, DEFAULT_TIMEOUT);
    }

    public static <T> T until(Supplier<T> attempt, Predicate<T> done, Duration timeout) {
        return until(attempt, done, timeout, Duration.ofMillis(PAUSE_MILLIS));
    }

    /** With a pause of its own: for a test that also measures how soon the condition held. */
    public static <T> T until(Supplier<T> attempt, Predicate<T> done, Duration timeout, Duration pause) {
        Instant deadline = Instant.now().plus(timeout);
        T result = attempt.get();
        while (!done.test(result) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(pause.toNanos());
            result = attempt.get();
        }
        return result;
    }
}
