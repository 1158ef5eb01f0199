package io.github.accounts.factors.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.factors.entity.MfaChallenge;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.settings.control.Settings;
import io.github.accounts.users.boundary.Accounts;
import io.github.accounts.users.control.EmailTokens;
import io.github.accounts.users.entity.User;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The second step of a login: after the right password a user with a factor gets an {@code mfa_token} (random,
 * stored as a hash, valid {@code MFA_TOKEN_TTL}) instead of tokens, and finishes with a code of the app or a recovery
 * code. A token survives a few typos ({@link MfaChallenge#MAX_FAILURES}) and yields tokens once; every wrong code
 * also counts in the login throttle.
 */
@Stateless
public class SecondStep {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Inject
    AuditLog audit;

    @EJB
    TotpFactors factors;

    @EJB
    Sessions sessions;

    /** After the right password: a new mfa_token when the user has a factor; empty when the password suffices. */
    public Optional<MfaRequiredException> begin(User user) {
        if (!factors.isEnrolled(user.getId())) {
            return Optional.empty();
        }
        String token = EmailTokens.newToken();
        long ttl = settings.get(Settings.MFA_TOKEN_TTL).toSeconds();
        em.persist(new MfaChallenge(EmailTokens.hash(token), user.getId(), clock.millis(), ttl * 1000));
        return Optional.of(new MfaRequiredException(token, ttl));
    }

    /** How a login with a second step was made ({@code amr}, RFC 8176). */
    public static final List<String> AMR = List.of("pwd", "otp", "mfa");

    /** Finishes a login with a code: the usual tokens, whose {@code amr} says pwd, otp and mfa. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionTokens complete(MfaLogin login, Accounts.Client client) {
        return sessions.start(verify(login.mfaToken(), login.code(), client), client.userAgent(), AMR);
    }

    /**
     * The user whose second step this token is, once the code was accepted and the token spent; the OpenID
     * Provider's login page, which starts no session of the API, uses it too.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User verify(String mfaToken, String code, Accounts.Client client) {
        String hash = EmailTokens.hash(mfaToken);
        MfaChallenge challenge = em.find(MfaChallenge.class, hash);
        if (challenge == null || !challenge.isUsable(clock.millis())) {
            audit.record("second-factor", "stale-token", challenge == null ? null : challenge.getUserId(), client.address());
            throw staleToken();
        }
        User user = em.find(User.class, challenge.getUserId());
        if (user == null || user.isDisabled()) {
            throw staleToken();
        }
        try {
            factors.verify(user, code, client.address(), 401);
        } catch (ProblemException wrong) {
            context.getBusinessObject(SecondStep.class).countFailure(hash);
            throw wrong;
        }
        if (!context.getBusinessObject(SecondStep.class).spend(hash)) {
            throw staleToken();
        }
        audit.record("login", "second-factor", user.getId(), client.address());
        return user;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void countFailure(String hash) {
        em.createNamedQuery(MfaChallenge.FAIL).setParameter("hash", hash).executeUpdate();
    }

    /** Spends the token if it is still usable: true for one caller only, on any node. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean spend(String hash) {
        return em.createNamedQuery(MfaChallenge.SPEND).setParameter("hash", hash).setParameter("now", clock.millis()).executeUpdate() == 1;
    }

    /** Second steps expired for an hour are deleted. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purge() {
        em.createNamedQuery(MfaChallenge.PURGE).setParameter("before", clock.millis() - 3_600_000L).executeUpdate();
    }

    private static ProblemException staleToken() {
        return new ProblemException(401, "urn:accounts:problem:invalid-mfa-token", "Unauthorized",
                "The mfa_token is unknown, expired, used or has seen too many wrong codes: log in again with the password");
    }
}
