package io.github.accounts.problems.control;

import java.util.List;
import java.util.stream.Collectors;

/** 400: the request is malformed or one of its fields is invalid. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String detail) {
        super(400, Problem.TYPE_PREFIX + "invalid-request", "Invalid request", detail);
    }

    public InvalidInputException(List<FieldError> errors) {
        super(400, Problem.TYPE_PREFIX + "invalid-request", "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
    }

    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }
}
