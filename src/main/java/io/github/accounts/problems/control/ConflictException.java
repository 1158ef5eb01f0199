package io.github.accounts.problems.control;

/** 409: the request clashes with what is stored, such as an email that is already registered. */
public class ConflictException extends ProblemException {

    public ConflictException(String name, String detail) {
        super(409, Problem.TYPE_PREFIX + name, "Conflict", detail);
    }
}
