package io.github.accounts.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: a problem wrapped by the container is unwrapped, a database outage is a 503,
 * and anything truly unexpected is logged with an incident id and answered without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return problemFor(exception).toResponse();
    }

    static Problem problemFor(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.problem();
            }
        }
        if (isDatabaseUnavailable(exception)) {
            LOG.log(Level.WARNING, "database unavailable: {0}", rootMessage(exception));
            return HttpProblems.forStatus(503);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, exception);
        Problem internal = HttpProblems.forStatus(500);
        return internal.withDetail(internal.detail() + " (incident " + incident + ")");
    }

    /** True when the cause chain says the database could not be reached, as opposed to a bug. */
    static boolean isDatabaseUnavailable(Throwable exception) {
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

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
