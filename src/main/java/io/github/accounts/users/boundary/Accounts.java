package io.github.accounts.users.boundary;

import io.github.accounts.persistence.control.SqlErrors;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.factors.boundary.SecondStep;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.problems.control.InvalidCredentialsException;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.PasswordHasher;
import io.github.accounts.users.control.PasswordHasher.Verification;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.control.VerificationSettings;
import io.github.accounts.users.entity.EmailToken;
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
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Registration, login, profile, password and logout: the service's transactional boundary for users. */
@Stateless
public class Accounts {

    /** Which sessions a logout ends. */
    public enum LogoutScope {
        LOCAL, OTHERS, GLOBAL
    }

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
    Revocations revocations;

    @EJB
    Throttle throttle;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @EJB
    EmailVerification verification;

    @EJB
    SecondStep secondStep;

    @Inject
    VerificationSettings verificationSettings;

    /**
     * Registers a user. Where email verification is required nobody is logged in (empty: "check your mail"), and an
     * address that is taken answers exactly the same, while its owner is mailed about the attempt: the answer does
     * not tell whether an address has an account. Elsewhere the new user is logged in, and a taken address is a 409.
     */
    public Optional<SessionTokens> register(RegistrationRequest request, Client client) {
        String email = EmailAddresses.canonical(request.email()).orElseThrow();
        passwordPolicy.check(request.password(), email, request.username());
        throttle.registrationAttempt(client.address());
        String key = EmailAddresses.key(email);
        // hashed before the database is read: no connection is held while Argon2 runs, and a taken email costs
        // the same time as a free one
        String hash = hasher.hash(request.password());
        Optional<User> taken = findByEmailKey(key);
        if (taken.isPresent()) {
            audit.record("register", "email-taken", taken.get().getId(), client.address());
            if (verificationSettings.required()) {
                verification.tellOwnerOfAttempt(taken.get());
                return Optional.empty();
            }
            throw emailTaken();
        }
        // never an admin: registering an ADMIN_EMAILS address proves nothing (see AdminRoles)
        User user = new User(request.username(), email, key, hash);
        user.setLanguage(client.language());
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                audit.record("register", "email-taken", null, client.address());
                throw emailTaken();
            }
            throw e;
        }
        audit.record("register", "success", user.getId(), client.address());
        if (verificationSettings.mailsAtRegistration()) {
            verification.send(user);
        }
        return verificationSettings.required() ? Optional.empty() : Optional.of(sessions.start(user, client.userAgent()));
    }

    /**
     * Reads outside a transaction, so no connection is held while the hash is checked; the throttling counters,
     * a hash upgrade and the new session are written in transactions of their own. A user with a second factor gets
     * no session yet but a 401 {@code mfa-required} with the token of the second step.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionTokens login(LoginRequest request, Client client) {
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
    public User authenticate(LoginRequest request, Client client) {
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
            Optional<User> user = findByEmailKey(emailKey);
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
                context.getBusinessObject(Accounts.class).replaceHash(userId, hasher.hash(password));
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
    public void changePassword(String subject, String sessionId, PasswordChange change, Client client) {
        User user = reauthenticate(subject, change.currentPassword(), client);
        passwordPolicy.check(change.newPassword(), user.getEmail(), user.getUsername());
        int ended = context.getBusinessObject(Accounts.class).storeNewPassword(user.getId(), hasher.hash(change.newPassword()), sessionId);
        audit.record("password-change", "success", ended + " other sessions ended", user.getId(), client.address());
    }

    /**
     * The token's user, who proves again to be there by the current password (before a change of password or
     * address, or a deletion): throttled like a login; a wrong password is a 403.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User reauthenticate(String subject, String currentPassword, Client client) {
        User user = userOf(subject).orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
        return checkPassword(user.getEmailKey(), currentPassword, client.address(),
                new ProblemException(403, "urn:accounts:problem:wrong-password", "Forbidden", "The current password is wrong"));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int storeNewPassword(long userId, String hash, String keepSession) {
        em.find(User.class, userId).setPasswordHash(hash);
        return sessions.endAllOf(userId, keepSession);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Profile profile(String subject) {
        return userOf(subject).map(Profile::of)
                .orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
    }

    /** {@code GET /api/users/me/export}: what the database holds about the token's user. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AccountData export(String subject) {
        User user = userOf(subject).orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
        List<EmailToken> tokens = em.createNamedQuery(EmailToken.OF_USER, EmailToken.class).setParameter("user", user.getId()).getResultList();
        audit.record("export", "success", user.getId(), null);
        return AccountData.of(user, sessions.allOf(user.getId()), tokens, clock.instant());
    }

    public List<SessionView> sessions(String subject, String currentSession) {
        Long userId = userIdOf(subject);
        return userId == null ? List.of() : sessions.live(userId).stream().map(s -> SessionView.of(s, currentSession)).toList();
    }

    /**
     * Logs out: {@code LOCAL} ends this token's session (the token itself is refused from now on, also after a
     * restart), {@code OTHERS} every other session of the user, {@code GLOBAL} all of them.
     */
    public void logout(String subject, String jti, String sessionId, long expiresAt, LogoutScope scope, Client client) {
        Long userId = userIdOf(subject);
        if (scope != LogoutScope.OTHERS) {
            revocations.revoke(jti, expiresAt);
        }
        int ended = switch (scope) {
            case LOCAL -> {
                sessions.end(sessionId);
                yield sessionId == null ? 0 : 1;
            }
            case OTHERS -> userId == null ? 0 : sessions.endAllOf(userId, sessionId == null ? "" : sessionId);
            case GLOBAL -> userId == null ? 0 : sessions.endAllOf(userId, null);
        };
        audit.record("logout", "success", scope.name().toLowerCase() + ", " + ended + " sessions ended", userId, client.address());
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

    private static ProblemException emailNotVerified() {
        return new ProblemException(403, "urn:accounts:problem:email-not-verified", "Forbidden",
                "Verify your email address first: open the link in the mail we sent, or ask for a new mail"
                        + " (POST /api/users/email-verification/resend)");
    }

    private static ProblemException accountDisabled() {
        return new ProblemException(403, "urn:accounts:problem:account-disabled", "Forbidden", "This account is disabled");
    }

    /** Who is calling: the client's address (for throttling and audit) its user agent (shown with its sessions) and language (of its mails). */
    public record Client(String address, String userAgent, String language) {
    }
}
