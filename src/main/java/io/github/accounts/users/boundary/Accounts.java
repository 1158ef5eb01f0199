package io.github.accounts.users.boundary;

import io.github.accounts.problems.boundary.ConflictException;
import io.github.accounts.problems.boundary.InvalidCredentialsException;
import io.github.accounts.problems.boundary.NotAuthenticatedException;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.tokens.control.TokenIssuer.IssuedToken;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.PasswordHasher;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.User;
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

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    TokenIssuer tokens;

    @Inject
    Revocations revocations;

    public IssuedToken register(RegistrationRequest request) {
        passwordPolicy.check(request.password());
        String email = EmailAddresses.canonical(request.email()).orElseThrow();
        String key = EmailAddresses.key(email);
        // hashed before the database is touched: no connection is held while Argon2 runs
        String hash = hasher.hash(request.password());
        if (findByEmailKey(key).isPresent()) {
            throw emailTaken();
        }
        User user = new User(request.username(), email, key, hash);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw emailTaken();
            }
            throw e;
        }
        return tokens.issue(user);
    }

    /** Reads only; runs outside a transaction so no connection is held while the hash is checked. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken login(LoginRequest request) {
        Optional<User> user = findByEmailKey(EmailAddresses.key(request.email()));
        if (user.isEmpty()) {
            hasher.verifyDummy(request.password());
            throw new InvalidCredentialsException();
        }
        if (!hasher.verify(user.get().getPasswordHash(), request.password())) {
            throw new InvalidCredentialsException();
        }
        return tokens.issue(user.get());
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Profile profile(String subject) {
        return userOf(subject).map(Profile::of)
                .orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
    }

    /** Ends the session of this access token: it is refused from now on, also after a restart. */
    public void logout(String jti, long expiresAt) {
        revocations.revoke(jti, expiresAt);
    }

    private Optional<User> userOf(String subject) {
        try {
            return Optional.ofNullable(em.find(User.class, Long.valueOf(subject)));
        } catch (NumberFormatException e) {
            return Optional.empty();
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
