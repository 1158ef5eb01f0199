package io.github.accounts.problems.boundary;

import jakarta.ejb.ApplicationException;

import java.util.List;

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

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem problem() {
        return new Problem(status, type, title, getMessage(), errors);
    }

    /** One invalid field of a request and why. */
    public record FieldError(String field, String message) {
    }
}
