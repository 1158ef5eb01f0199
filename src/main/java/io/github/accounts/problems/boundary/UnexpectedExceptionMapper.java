package io.github.accounts.problems.boundary;

import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.Problem;
import io.github.accounts.persistence.control.Outages;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

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
        if (Outages.isDatabaseUnavailable(exception)) {
            LOG.log(Level.WARNING, "database unavailable: {0}", Outages.rootMessage(exception));
            return HttpProblems.forStatus(503);
        }
        if (Outages.isConflictRollback(exception)) {
            LOG.log(Level.WARNING, "transaction rolled back by the database to resolve a conflict: {0}", Outages.rootMessage(exception));
            return HttpProblems.forStatus(503);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, exception);
        Problem internal = HttpProblems.forStatus(500);
        return internal.withDetail(internal.detail() + " (incident " + incident + ")");
    }
}
