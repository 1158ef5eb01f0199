package io.github.accounts.persistence.control;

import java.sql.SQLException;

/** What a database error means, read from its SQLState (the same on H2, MySQL and MariaDB). */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** A unique-key violation (SQLState class 23, integrity constraint) anywhere in the cause chain. */
    public static boolean isUniqueViolation(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
