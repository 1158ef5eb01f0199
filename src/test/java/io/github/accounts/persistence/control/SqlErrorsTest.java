package io.github.accounts.persistence.control;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlErrorsTest {

    @Test
    void aUniqueViolationIsFoundAnywhereInTheCauseChain() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);
        assertTrue(SqlErrors.isUniqueViolation(duplicate));
        assertTrue(SqlErrors.isUniqueViolation(new RuntimeException("commit failed", new IllegalStateException(duplicate))));
        assertTrue(SqlErrors.isUniqueViolation(new SQLException("Unique index violated", "23505")), "H2's code");
    }

    @Test
    void otherErrorsAreNot() {
        assertFalse(SqlErrors.isUniqueViolation(new SQLException("Communications link failure", "08S01")));
        assertFalse(SqlErrors.isUniqueViolation(new SQLException("no state")));
        assertFalse(SqlErrors.isUniqueViolation(new RuntimeException("not a database error")));
    }
}
