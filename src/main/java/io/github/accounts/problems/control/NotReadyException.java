package io.github.accounts.problems.control;

import java.util.List;

/** 503: the node has started but has not reached its database yet; {@code Retry-After} says when to try again. */
public class NotReadyException extends ProblemException {

    public NotReadyException() {
        super(503, Problem.TYPE_PREFIX + "service-unavailable", "Service unavailable",
                "The service is starting and cannot reach its database yet, try again later", List.of(), 5);
    }
}
