package io.github.accounts.problems.control;

/** 401: unknown email or wrong password; deliberately the same answer for both. */
public class InvalidCredentialsException extends ProblemException {

    public InvalidCredentialsException() {
        super(401, Problem.TYPE_PREFIX + "invalid-credentials", "Invalid credentials", "Invalid email or password");
    }
}
