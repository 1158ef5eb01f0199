package io.github.accounts.problems.control;

import java.util.List;

/** 503: the node is too busy to take this request now (e.g. every core is hashing); {@code Retry-After} says when to try again. */
public class ServiceBusyException extends ProblemException {

    public ServiceBusyException(String detail, long retryAfterSeconds) {
        super(503, Problem.TYPE_PREFIX + "service-unavailable", "Service unavailable",
                detail + "; try again in " + Math.max(1, retryAfterSeconds) + " s", List.of(), Math.max(1, retryAfterSeconds));
    }
}
