package io.github.accounts.problems.control;

/** 413: the request body is larger than the service accepts. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limit) {
        super(413, Problem.TYPE_PREFIX + "payload-too-large", "Payload too large",
                "The request body must not exceed " + limit + " bytes");
    }
}
