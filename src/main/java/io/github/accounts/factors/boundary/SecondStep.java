package io.github.accounts.factors.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.factors.entity.MfaChallenge;
import io.github.accounts.passkeys.boundary.PasskeyAssertion;
import io.github.accounts.passkeys.boundary.Passkeys;
import io.github.accounts.passkeys.entity.Passkey;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.settings.control.Settings;
import io.github.accounts.tokens.control.TokenIssuer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second step of a login: after the right password a user with a factor gets an {@code mfa_token} (random,
 * stored as a hash, valid {@code MFA_TOKEN_TTL}) instead of tokens, and finishes with a code of the app, a recovery
 * code or one of the user's passkeys. A token survives a few typos ({@link MfaChallenge#MAX_FAILURES}) and yields
 * tokens once; every wrong code (or refused passkey) also counts in the login throttle.
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

    @EJB
    Passkeys passkeys;

    @EJB
    FactorAttempts attempts;

    /** After the right password: a new mfa_token when the user has a factor; empty when the password suffices. */
    public Optional<MfaRequiredException> begin(User user) {
        List<String> methods = methodsOf(user.getId());
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        String token = EmailTokens.newToken();
        long ttl = settings.get(Settings.MFA_TOKEN_TTL).toSeconds();
        em.persist(new MfaChallenge(EmailTokens.hash(token), user.getId(), clock.millis(), ttl * 1000));
        return Optional.of(new MfaRequiredException(token, ttl, methods));
    }

    /** The second factors the user has ({@link #TOTP}, {@link #PASSKEY}): any of them makes a password login ask for one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> methodsOf(long userId) {
        List<String> methods = new ArrayList<>(2);
        if (factors.isEnrolled(userId)) {
            methods.add(TOTP);
        }
        if (passkeys.hasAny(userId)) {
            methods.add(PASSKEY);
        }
        return methods;
    }

    /** How a login with a code as its second step was made ({@code amr}, RFC 8176). */
    public static final List<String> AMR = List.of("pwd", "otp", "mfa");
    /** The methods of a second step, as {@code mfa_methods} names them. */
    public static final String TOTP = "totp";
    public static final String PASSKEY = "passkey";

    /** Whose second step passed, and how the login was made ({@code amr}). */
    public record Passed(User user, List<String> amr) {
    }

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
        User user = userOf(hash, client);
        try {
            factors.verify(user, code, client.address(), 401);
        } catch (ProblemException wrong) {
            context.getBusinessObject(SecondStep.class).countFailure(hash);
            throw wrong;
        }
        finish(hash, user, client);
        return user;
    }

    /** The methods of a step's user while its token is known (a page asking again); none when it is not. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> methodsOfStep(String mfaToken) {
        MfaChallenge challenge = em.find(MfaChallenge.class, EmailTokens.hash(mfaToken));
        return challenge == null ? List.of() : methodsOf(challenge.getUserId());
    }

    /** The request options for a passkey of the step's user ({@code allowCredentials}: the user's passkeys). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, Object> passkeyOptions(String mfaToken, Accounts.Client client) {
        User user = userOf(EmailTokens.hash(mfaToken), client);
        if (!passkeys.hasAny(user.getId())) {
            throw new ConflictException("no-passkey", "This account has no passkey: finish the login with a code at POST /api/users/login/mfa");
        }
        return passkeys.secondStepOptions(user.getId());
    }

    /** Finishes a login with a passkey: the usual tokens, whose {@code amr} says pwd, hwk or swk, and mfa. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionTokens completeWithPasskey(MfaPasskeyLogin login, Accounts.Client client) {
        Passed passed = verifyPasskey(login.mfaToken(), login.passkey(), client);
        return sessions.start(passed.user(), client.userAgent(), passed.amr());
    }

    /**
     * The user whose second step this token is, once a passkey of the user answered the step's challenge and the
     * token was spent; a refused assertion counts like a wrong code (in the token and in the login throttle).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Passed verifyPasskey(String mfaToken, PasskeyAssertion assertion, Accounts.Client client) {
        String hash = EmailTokens.hash(mfaToken);
        User user = userOf(hash, client);
        Passkey passkey;
        try {
            passkey = attempts.counted(user, client.address(), () -> passkeys.verifyAssertion(assertion, user.getId(), client.address()));
        } catch (ProblemException wrong) {
            context.getBusinessObject(SecondStep.class).countFailure(hash);
            throw wrong;
        }
        finish(hash, user, client);
        return new Passed(user, List.of("pwd", passkey.amr(), TokenIssuer.MULTI_FACTOR));
    }

    /** The live user of a usable second step, or 401 invalid-mfa-token. */
    private User userOf(String hash, Accounts.Client client) {
        MfaChallenge challenge = em.find(MfaChallenge.class, hash);
        if (challenge == null || !challenge.isUsable(clock.millis())) {
            audit.record("second-factor", "stale-token", challenge == null ? null : challenge.getUserId(), client.address());
            throw staleToken();
        }
        User user = em.find(User.class, challenge.getUserId());
        if (user == null || user.isDisabled()) {
            throw staleToken();
        }
        return user;
    }

    /** Spends the step's token (once, on any node) for a login that passed. */
    private void finish(String hash, User user, Accounts.Client client) {
        if (!context.getBusinessObject(SecondStep.class).spend(hash)) {
            throw staleToken();
        }
        audit.record("login", "second-factor", user.getId(), client.address());
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
