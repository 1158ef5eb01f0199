package io.github.accounts.sessions.boundary;

import io.github.accounts.problems.control.NotAuthenticatedException;
import jakarta.ejb.ApplicationException;

/** 401 for a spent refresh token, which ended its session: unlike other problems, the transaction commits. */
@ApplicationException(rollback = false)
public class SessionReuseException extends NotAuthenticatedException {

    public SessionReuseException(String detail) {
        super(detail);
    }
}
