package io.github.accounts.mail.control;

import java.util.OptionalLong;

/**
 * When a failed mail is tried again: the base delay after the first failure, doubled after each further one, at
 * most an hour; after {@link #MAX_ATTEMPTS} attempts (about a day with the default base) it is given up.
 */
public record Backoff(long baseSeconds) {

    public static final int MAX_ATTEMPTS = 30;
    static final long MAX_DELAY_SECONDS = 3600;

    public Backoff {
        if (baseSeconds < 1 || baseSeconds > MAX_DELAY_SECONDS) {
            throw new IllegalStateException("MAIL_RETRY_SECONDS must be 1–3600, not " + baseSeconds);
        }
    }

    /** @param attempts the attempts made so far, this failed one included; @return epoch seconds of the next, if any */
    public OptionalLong nextAttempt(int attempts, long now) {
        if (attempts >= MAX_ATTEMPTS) {
            return OptionalLong.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        return OptionalLong.of(now + Math.min(baseSeconds << doublings, MAX_DELAY_SECONDS));
    }
}
