package io.github.accounts.persistence.control;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached, or that gave up a transaction to resolve a conflict (a 503, worth trying
 * again), from a bug (a 500).
 */
public final class Outages {

    static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    private Outages() {
    }

    /** True when the cause chain says the database could not be reached, as opposed to a bug. */
    public static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = cause.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("PoolingException")
                    || name.endsWith("ResourceException") || name.endsWith("CommunicationsException")) {
                return true;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Error in allocating a connection") || message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database rolled the transaction back to resolve a conflict (a deadlock: SQLState class 40; MySQL's
     * lock wait timeout, 1205): nothing was written, and the same request a moment later succeeds.
     */
    public static boolean isConflictRollback(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("40")
                    || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as "Type: message", for a log line. */
    public static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
