package io.github.accounts.delivery.control;

import java.util.OptionalLong;

/**
 * When a failed delivery is tried again: {@code baseSeconds} after the first failure, doubled after each further
 * one, at most {@code maxDelaySeconds}; after {@code maxAttempts} attempts it is given up.
 */
public record Backoff(long baseSeconds, long maxDelaySeconds, int maxAttempts) {

    /** No second attempt. */
    public static final Backoff NONE = new Backoff(1, 1, 1);

    public Backoff {
        if (baseSeconds < 1 || maxDelaySeconds < baseSeconds || maxAttempts < 1) {
            throw new IllegalArgumentException("a backoff needs 1 ≤ base ≤ maximum delay and at least one attempt");
        }
    }

    /** @param attempts the attempts made so far, this failed one included; @return epoch seconds of the next, if any */
    public OptionalLong nextAttempt(int attempts, long now) {
        if (attempts >= maxAttempts) {
            return OptionalLong.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        return OptionalLong.of(now + Math.min(baseSeconds << doublings, maxDelaySeconds));
    }

    /** The longest a delivery can take from its first attempt to its last (every attempt failing at once). */
    public long longestSeconds() {
        long total = 0;
        for (int attempts = 1; attempts < maxAttempts; attempts++) {
            total = nextAttempt(attempts, total).orElseThrow();
        }
        return total;
    }
}
