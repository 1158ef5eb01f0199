package io.github.accounts.problems.control;

/** 401: no usable access token (missing, invalid, expired or revoked). */
public class NotAuthenticatedException extends ProblemException {

    public NotAuthenticatedException(String detail) {
        super(401, Problem.TYPE_PREFIX + "unauthorized", "Unauthorized", detail);
    }
}
