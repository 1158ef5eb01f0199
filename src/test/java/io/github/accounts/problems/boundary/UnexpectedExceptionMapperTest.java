package io.github.accounts.problems.boundary;

import io.github.accounts.problems.control.Problem;
import io.github.accounts.problems.control.InvalidCredentialsException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnexpectedExceptionMapperTest {

    @Test
    void aDatabaseOutageIsAServiceUnavailable() {
        assertEquals(503, UnexpectedExceptionMapper.problemFor(new RuntimeException(new SQLException("refused", "08001"))).status());
    }

    @Test
    void aDeadlockTheDatabaseResolvedIsAServiceUnavailableToTryAgain() {
        assertEquals(503, UnexpectedExceptionMapper.problemFor(new RuntimeException(
                new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213))).status());
    }

    @Test
    void aWrappedProblemKeepsItsStatus() {
        assertEquals(401, UnexpectedExceptionMapper.problemFor(new RuntimeException(new InvalidCredentialsException())).status());
    }

    @Test
    void anUnexpectedErrorSaysNothingOfItsInternals() {
        Problem problem = UnexpectedExceptionMapper.problemFor(new IllegalStateException("SELECT * FROM user at com.example.Foo"));
        assertEquals(500, problem.status());
        String body = problem.toJson();
        assertFalse(body.contains("SELECT") || body.contains("com.example") || body.contains("IllegalState"), body);
        assertTrue(body.contains("incident"), body);
    }
}
