package io.github.accounts.problems.control;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.Map;

/**
 * The root of every error a client can cause; each one becomes RFC 9457 problem JSON.
 * Being an application exception, it rolls the transaction back and reaches the client unwrapped.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;
    private final Map<String, String> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, 0);
    }

    protected ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                               long retryAfterSeconds) {
        this(status, type, title, detail, errors, retryAfterSeconds, Map.of());
    }

    /** With extension members: names of the problem type's own, values that are safe to show the client. */
    protected ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                               long retryAfterSeconds, Map<String, String> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.extensions = Map.copyOf(extensions);
    }

    public Problem problem() {
        return new Problem(status, type, title, getMessage(), errors, retryAfterSeconds, extensions);
    }

    /** One invalid field of a request and why. */
    public record FieldError(String field, String message) {
    }
}
