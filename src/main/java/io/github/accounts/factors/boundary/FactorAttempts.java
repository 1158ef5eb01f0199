package io.github.accounts.factors.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.users.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * A check of a second factor (a code, a passkey), counted by the login throttle like a password: reserved before
 * it runs (refused while the account is locked for this client), a failure (the check's problem) counted and
 * audited, a success clearing the streak.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FactorAttempts {

    @EJB
    Throttle throttle;

    @Inject
    AuditLog audit;

    /** What {@code check} returns; the problem it throws counts as a failed login of the user from this address. */
    public <T> T counted(User user, String clientAddress, Supplier<T> check) {
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.reserveLogin(user.getEmailKey(), clientAddress);
        } catch (TooManyRequestsException throttled) {
            audit.record("second-factor", "throttled", user.getId(), clientAddress);
            throw throttled;
        }
        boolean settled = false;
        try {
            T result = check.get();
            settled = true;
            throttle.loginSucceeded(attempt);
            return result;
        } catch (ProblemException wrong) {
            settled = true;
            long lockedFor = throttle.loginFailed(attempt);
            audit.record("second-factor", "failure", user.getId(), clientAddress);
            if (lockedFor > 0) {
                audit.record("lockout", "locked", lockedFor + " s", user.getId(), clientAddress);
            }
            throw wrong;
        } finally {
            if (!settled) {
                throttle.releaseLogin(attempt);
            }
        }
    }
}
