package io.github.accounts.problems.control;

import java.util.List;

/** 429: throttled; {@code Retry-After} says when to try again. */
public class TooManyRequestsException extends ProblemException {

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(429, Problem.TYPE_PREFIX + "too-many-requests", "Too many requests",
                detail + "; try again in " + Math.max(1, retryAfterSeconds) + " s", List.of(), Math.max(1, retryAfterSeconds));
    }
}
