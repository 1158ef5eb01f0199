package io.github.accounts.users.boundary;

import io.github.accounts.persistence.control.SqlErrors;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.PasswordHasher;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.control.VerificationSettings;
import io.github.accounts.users.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

/**
 * Registration: a new user, logged in at once, or asked to verify the address first where that is required.
 */
@Stateless
public class Registration {

    @PersistenceContext
    EntityManager em;

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
    EmailVerification verification;

    @Inject
    VerificationSettings verificationSettings;

    /**
     * Registers a user. Where email verification is required nobody is logged in (empty: "check your mail"), and an
     * address that is taken answers exactly the same, while its owner is mailed about the attempt: the answer does
     * not tell whether an address has an account. Elsewhere the new user is logged in, and a taken address is a 409.
     */
    public Optional<SessionTokens> register(RegistrationRequest request, Accounts.Client client) {
        String email = EmailAddresses.canonical(request.email()).orElseThrow();
        passwordPolicy.check(request.password(), email, request.username());
        throttle.registrationAttempt(client.address());
        String key = EmailAddresses.key(email);
        // hashed before the database is read: no connection is held while Argon2 runs, and a taken email costs
        // the same time as a free one
        String hash = hasher.hash(request.password());
        Optional<User> taken = User.withEmailKey(em, key);
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
            verification.sendFirst(user);
        }
        return verificationSettings.required() ? Optional.empty() : Optional.of(sessions.start(user, client.userAgent()));
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email-taken", "This email is already registered");
    }
}
