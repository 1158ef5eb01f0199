package io.github.accounts.users.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.defense.boundary.Throttle;
import io.github.accounts.problems.boundary.ConflictException;
import io.github.accounts.problems.boundary.InvalidCredentialsException;
import io.github.accounts.problems.boundary.NotAuthenticatedException;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.tokens.control.TokenIssuer.IssuedToken;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.PasswordHasher;
import io.github.accounts.users.control.PasswordHasher.Verification;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.User;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.Optional;

/** Registration, login, profile and logout: the service's one transactional boundary for users. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    TokenIssuer tokens;

    @Inject
    Revocations revocations;

    @Inject
    Throttle throttle;

    @Inject
    AuditLog audit;

    public IssuedToken register(RegistrationRequest request, String clientAddress) {
        String email = EmailAddresses.canonical(request.email()).orElseThrow();
        passwordPolicy.check(request.password(), email, request.username());
        throttle.registrationAttempt(clientAddress);
        String key = EmailAddresses.key(email);
        // hashed before the database is read: no connection is held while Argon2 runs, and a taken email costs
        // the same time as a free one
        String hash = hasher.hash(request.password());
        if (findByEmailKey(key).isPresent()) {
            audit.record("register", "email-taken", null, clientAddress);
            throw emailTaken();
        }
        User user = new User(request.username(), email, key, hash);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                audit.record("register", "email-taken", null, clientAddress);
                throw emailTaken();
            }
            throw e;
        }
        audit.record("register", "success", user.getId(), clientAddress);
        return tokens.issue(user);
    }

    /**
     * Reads only, outside a transaction, so no connection is held while the hash is checked; the throttling
     * counters and a hash upgrade are written in transactions of their own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken login(LoginRequest request, String clientAddress) {
        String key = EmailAddresses.key(request.email());
        boolean failuresOnRecord;
        try {
            failuresOnRecord = throttle.checkLogin(key, clientAddress);
        } catch (RuntimeException throttled) {
            audit.record("login", "throttled", null, clientAddress);
            throw throttled;
        }
        Optional<User> user = findByEmailKey(key);
        Verification verification = user.map(u -> hasher.verify(u.getPasswordHash(), request.password()))
                .orElseGet(() -> {
                    hasher.verifyDummy(request.password());
                    return Verification.NO_MATCH;
                });
        Long userId = user.map(User::getId).orElse(null);
        if (!verification.matches()) {
            long lockedFor = throttle.loginFailed(key, clientAddress);
            audit.record("login", "failure", userId, clientAddress);
            if (lockedFor > 0) {
                audit.record("lockout", "locked " + lockedFor + " s", userId, clientAddress);
            }
            throw new InvalidCredentialsException();
        }
        if (failuresOnRecord) {
            throttle.loginSucceeded(key);
        }
        if (verification == Verification.MATCH_NEEDS_UPGRADE) {
            context.getBusinessObject(Accounts.class).replaceHash(userId, hasher.hash(request.password()));
        }
        audit.record("login", "success", userId, clientAddress);
        return tokens.issue(user.get());
    }

    /** Stores a hash made with the current parameters in place of an older one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replaceHash(long userId, String hash) {
        User user = em.find(User.class, userId);
        if (user != null) {
            user.setPasswordHash(hash);
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Profile profile(String subject) {
        return userOf(subject).map(Profile::of)
                .orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
    }

    /** Ends the session of this access token: it is refused from now on, also after a restart. */
    public void logout(String subject, String jti, long expiresAt, String clientAddress) {
        revocations.revoke(jti, expiresAt);
        audit.record("logout", "success", userIdOf(subject), clientAddress);
    }

    private Optional<User> userOf(String subject) {
        Long id = userIdOf(subject);
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(User.class, id));
    }

    private static Long userIdOf(String subject) {
        try {
            return Long.valueOf(subject);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<User> findByEmailKey(String key) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", key)
                .getResultStream()
                .findFirst();
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email-taken", "This email is already registered");
    }

    /** A unique-key violation: SQLState class 23 anywhere in the cause chain. */
    static boolean isUniqueViolation(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
