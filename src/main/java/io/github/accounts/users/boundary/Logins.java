package io.github.accounts.users.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.factors.boundary.SecondStep;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.problems.control.InvalidCredentialsException;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.PasswordHasher;
import io.github.accounts.users.control.PasswordHasher.Verification;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.control.VerificationSettings;
import io.github.accounts.users.entity.User;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/**
 * Who may log in, and with what password: the password login (and its second step), the password check that the
 * OpenID Provider's login form and every re-authentication share, and the change of password.
 */
@Stateless
public class Logins {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @EJB
    Sessions sessions;

    @EJB
    Throttle throttle;

    @Inject
    AuditLog audit;

    @EJB
    SecondStep secondStep;

    @Inject
    VerificationSettings verificationSettings;

    /**
     * Reads outside a transaction, so no connection is held while the hash is checked; the throttling counters,
     * a hash upgrade and the new session are written in transactions of their own. A user with a second factor gets
     * no session yet but a 401 {@code mfa-required} with the token of the second step.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionTokens login(LoginRequest request, Accounts.Client client) {
        User user = authenticate(request, client);
        secondStep.begin(user).ifPresent(required -> {
            throw required;
        });
        return sessions.start(user, client.userAgent());
    }

    /**
     * The user whose email and password these are, throttled and audited like every login (the OpenID Provider's
     * login form uses it too); no session is started.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User authenticate(LoginRequest request, Accounts.Client client) {
        String key = EmailAddresses.key(request.email());
        User user = checkPassword(key, request.password(), client.address(), new InvalidCredentialsException());
        if (user.isDisabled()) {
            audit.record("login", "disabled", user.getId(), client.address());
            throw accountDisabled();
        }
        if (verificationSettings.required() && !user.isEmailVerified()) {
            audit.record("login", "unverified", user.getId(), client.address());
            throw emailNotVerified();
        }
        audit.record("login", "success", user.getId(), client.address());
        return user;
    }

    /**
     * The user behind an email and password, counted by the brute-force defense either way: the attempt is
     * reserved before the hash is checked, and settled as a failure or success after (or taken back when it could
     * not be checked). A stored hash that is weaker than today's is upgraded.
     */
    private User checkPassword(String emailKey, String password, String address, ProblemException whenWrong) {
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.reserveLogin(emailKey, address);
        } catch (TooManyRequestsException throttled) {
            audit.record("login", "throttled", null, address);
            throw throttled;
        }
        boolean settled = false;
        try {
            Optional<User> user = User.withEmailKey(em, emailKey);
            Verification verification = user.map(u -> hasher.verify(u.getPasswordHash(), password))
                    .orElseGet(() -> {
                        hasher.verifyDummy(password);
                        return Verification.NO_MATCH;
                    });
            Long userId = user.map(User::getId).orElse(null);
            settled = true;
            if (!verification.matches()) {
                long lockedFor = throttle.loginFailed(attempt);
                audit.record("login", "failure", userId, address);
                if (lockedFor > 0) {
                    audit.record("lockout", "locked", lockedFor + " s", userId, address);
                }
                throw whenWrong;
            }
            throttle.loginSucceeded(attempt);
            if (verification == Verification.MATCH_NEEDS_UPGRADE) {
                context.getBusinessObject(Logins.class).replaceHash(userId, hasher.hash(password));
            }
            return user.get();
        } finally {
            if (!settled) {
                throttle.releaseLogin(attempt);
            }
        }
    }

    /** Stores a hash made with the current parameters in place of an older one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replaceHash(long userId, String hash) {
        User user = em.find(User.class, userId);
        if (user != null) {
            user.setPasswordHash(hash);
        }
    }

    /** Changes the password of the token's user, who must know the current one; every other session ends. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void changePassword(String subject, String sessionId, PasswordChange change, Accounts.Client client) {
        User user = reauthenticate(subject, change.currentPassword(), client);
        passwordPolicy.check(change.newPassword(), user.getEmail(), user.getUsername());
        int ended = context.getBusinessObject(Logins.class).storeNewPassword(user.getId(), hasher.hash(change.newPassword()), sessionId);
        audit.record("password-change", "success", ended + " other sessions ended", user.getId(), client.address());
    }

    /**
     * The token's user, who proves again to be there by the current password (before a change of password or
     * address, or a deletion): throttled like a login; a wrong password is a 403.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User reauthenticate(String subject, String currentPassword, Accounts.Client client) {
        User user = userOf(subject).orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
        return checkPassword(user.getEmailKey(), currentPassword, client.address(),
                new ProblemException(403, "urn:accounts:problem:wrong-password", "Forbidden", "The current password is wrong"));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeNewPassword(long userId, String hash, String keepSession) {
        em.find(User.class, userId).setPasswordHash(hash);
        return sessions.endAllOf(userId, keepSession);
    }

    private Optional<User> userOf(String subject) {
        return User.idOf(subject).map(id -> em.find(User.class, id));
    }

    private static ProblemException emailNotVerified() {
        return new ProblemException(403, "urn:accounts:problem:email-not-verified", "Forbidden",
                "Verify your email address first: open the link in the mail we sent, or ask for a new mail"
                        + " (POST /api/users/email-verification/resend)");
    }

    private static ProblemException accountDisabled() {
        return new ProblemException(403, "urn:accounts:problem:account-disabled", "Forbidden", "This account is disabled");
    }
}
