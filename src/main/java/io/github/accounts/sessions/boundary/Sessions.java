package io.github.accounts.sessions.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.sessions.control.RefreshTokens;
import io.github.accounts.sessions.control.SessionRules;
import io.github.accounts.sessions.entity.RefreshToken;
import io.github.accounts.sessions.entity.UserSession;
import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import io.github.accounts.sessions.control.AllSessionsEnded;
import io.github.accounts.sessions.control.ClientSessionEnded;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Sessions and their refresh tokens. A refresh spends the token it is given and hands out the next one;
 * presenting a spent token again is taken as theft and ends the whole session, access tokens included — except
 * the token replaced just now, within {@code REFRESH_REUSE_GRACE_SECONDS}, which gets the same successor again
 * (two tabs refreshing at once; see {@link SessionRules}). A session ends when idle for {@code JWT_REFRESH_TTL}
 * and at the latest {@code SESSION_MAX_LIFETIME} after its login.
 * Rows are locked in one order — the presented token, its successor, the session — so requests racing with one
 * token are served one after the other.
 */
@Stateless
public class Sessions {

    @Inject
    Settings settings;

    static final String NO_SESSION = "The refresh token is unknown, expired or spent";

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenIssuer tokens;

    @EJB
    Revocations revocations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Tells the OpenID Provider, which notifies the client (back-channel logout). */
    @Inject
    Event<ClientSessionEnded> clientSessionEnded;

    /** Tells the OpenID Provider, which ends the user's browser sign-ins. */
    @Inject
    Event<AllSessionsEnded> allSessionsEnded;

    long refreshTtlSeconds;
    long maxLifetimeSeconds;

    long graceSeconds;

    SessionRules rules;

    @PostConstruct
    void readSettings() {
        refreshTtlSeconds = settings.get(Settings.JWT_REFRESH_TTL).toSeconds();
        maxLifetimeSeconds = settings.get(Settings.SESSION_MAX_LIFETIME).toSeconds();
        graceSeconds = settings.get(Settings.REFRESH_REUSE_GRACE_SECONDS).toSeconds();
        rules = new SessionRules(clock, refreshTtlSeconds, maxLifetimeSeconds, graceSeconds);
    }

    /** Starts a session for a user who just proved who they are. */
    public SessionTokens start(User user, String userAgent) {
        return start(user, userAgent, null, null, null, List.of("pwd"), List.of());
    }

    /** Starts a session for the service's own API after a login by {@code amr} (RFC 8176 values: a passkey's). */
    public SessionTokens start(User user, String userAgent, List<String> amr) {
        return start(user, userAgent, null, null, null, amr, List.of());
    }

    /**
     * Starts a session for an OpenID Connect client ({@code clientId}, null: the service's own API) with a scope,
     * from the provider session {@code loginSid}, whose sign-in was made by {@code amr}; its access tokens are for
     * the resource servers {@code resources} too (RFC 8707).
     */
    public SessionTokens start(User user, String userAgent, String clientId, String scope, String loginSid, List<String> amr,
                               List<String> resources) {
        long now = rules.now();
        UserSession session = new UserSession(UUID.randomUUID().toString(), user.getId(), now, userAgent,
                now + refreshTtlSeconds, rules.absoluteEnd(now));
        session.startedFor(clientId, scope, loginSid);
        session.authenticatedBy(amr);
        session.forResources(resources);
        em.persist(session);
        return next(session, user, now, RefreshTokens.generate());
    }

    /** Exchanges a refresh token for a new access token and the next refresh token. */
    public SessionTokens refresh(String refreshToken, String clientAddress) {
        return refresh(refreshToken, clientAddress, null);
    }

    /**
     * Exchanges a refresh token of the session started for {@code clientId} (null: the service's own API); a
     * token of another client's session is unknown here.
     */
    public SessionTokens refresh(String refreshToken, String clientAddress, String clientId) {
        long now = rules.now();
        RefreshToken presented = em.find(RefreshToken.class, RefreshTokens.hash(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (presented == null || presented.isExpired(now)) {
            throw new NotAuthenticatedException(NO_SESSION);
        }
        if (presented.isSpent()) {
            return presentedAgain(presented, refreshToken, now, clientAddress, clientId);
        }
        UserSession session = em.find(UserSession.class, presented.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
        User user = session == null ? null : em.find(User.class, session.getUserId());
        if (session == null || !session.isLive(now) || user == null || user.isDisabled()
                || !Objects.equals(clientId, session.getClientId())) {
            throw new NotAuthenticatedException(NO_SESSION);
        }
        String nonce = RefreshTokens.nonce();
        presented.spend(now, nonce);
        audit.record("refresh", "success", user.getId(), clientAddress);
        return next(session, user, now, RefreshTokens.successor(refreshToken, nonce));
    }

    /** A spent refresh token: the grace answer (its successor again) for the one just replaced, else reuse. */
    private SessionTokens presentedAgain(RefreshToken presented, String value, long now, String clientAddress, String clientId) {
        String successorValue = presented.getSuccessorNonce() == null ? null
                : RefreshTokens.successor(value, presented.getSuccessorNonce());
        RefreshToken successor = successorValue == null ? null
                : em.find(RefreshToken.class, RefreshTokens.hash(successorValue), LockModeType.PESSIMISTIC_WRITE);
        UserSession session = em.find(UserSession.class, presented.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.isLive(now) || !Objects.equals(clientId, session.getClientId())) {
            throw new NotAuthenticatedException(NO_SESSION);
        }
        User user = em.find(User.class, session.getUserId());
        if (user != null && !user.isDisabled() && rules.graceAnswer(presented, successor, now)) {
            presented.answeredInGrace();
            session.touched(now);
            audit.record("refresh", "grace", "a refresh token replaced " + (now - presented.getSpentAt())
                    + " s ago: its successor again", user.getId(), clientAddress);
            return new SessionTokens(tokens.issue(user, session), successorValue, successor.getExpiresAt() - now, user);
        }
        endNow(session, now);
        audit.record("refresh", "reuse", "a spent refresh token was presented: its session ended", session.getUserId(), clientAddress);
        // the session must end even though this request fails
        em.flush();
        throw new SessionReuseException(NO_SESSION);
    }

    private SessionTokens next(UserSession session, User user, long now, String refreshToken) {
        long idleEnd = rules.idleEnd(session, now);
        session.used(now, idleEnd);
        em.persist(new RefreshToken(RefreshTokens.hash(refreshToken), session.getId(), idleEnd));
        return new SessionTokens(tokens.issue(user, session), refreshToken, idleEnd - now, user);
    }

    public List<UserSession> live(long userId) {
        return em.createNamedQuery(UserSession.LIVE_OF_USER, UserSession.class)
                .setParameter("user", userId).setParameter("now", rules.now()).getResultList();
    }

    /** Every session of the user, ended ones included, oldest first (the user's data export). */
    public List<UserSession> allOf(long userId) {
        return em.createNamedQuery(UserSession.ALL_OF_USER, UserSession.class).setParameter("user", userId).getResultList();
    }

    /**
     * A deleted account: every session ends, and what identifies the person (the user agents) is erased; the rows
     * stay, so the ended sessions' access tokens are refused until they expire, also after a restart.
     */
    public int endAndForget(long userId) {
        int ended = endAllOf(userId, null);
        em.createNamedQuery(UserSession.FORGET_USER_AGENTS).setParameter("user", userId).executeUpdate();
        return ended;
    }

    /**
     * Ends the session of a refresh token, if it is one of {@code clientId}'s sessions (RFC 7009: a client revokes
     * only its own tokens); an unknown token is no error.
     */
    public void endByRefreshToken(String refreshToken, String clientId) {
        RefreshToken token = em.find(RefreshToken.class, RefreshTokens.hash(refreshToken));
        UserSession session = token == null ? null : em.find(UserSession.class, token.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (session != null && clientId != null && clientId.equals(session.getClientId()) && session.getEndedAt() == null) {
            endNow(session, rules.now());
        }
    }

    /** Ends every client session started from one provider session (an OpenID Connect logout). */
    public int endAllOfLogin(String loginSid) {
        long now = rules.now();
        List<UserSession> ending = em.createNamedQuery(UserSession.LIVE_OF_LOGIN, UserSession.class)
                .setParameter("sid", loginSid).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        ending.forEach(s -> endNow(s, now));
        return ending.size();
    }

    /** Ends one session; its refresh tokens stop working and its access tokens are refused. */
    public void end(String sessionId) {
        UserSession session = sessionId == null ? null : em.find(UserSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session != null) {
            endNow(session, rules.now());
        }
    }

    /** Ends every session of the user but {@code keep} (null: all of them). */
    public int endAllOf(long userId, String keep) {
        long now = rules.now();
        List<UserSession> ending = live(userId).stream().filter(s -> !s.getId().equals(keep)).toList();
        ending.forEach(s -> endNow(s, now));
        allSessionsEnded.fire(new AllSessionsEnded(userId));
        return ending.size();
    }

    private void endNow(UserSession session, long now) {
        session.end(now);
        revocations.endSession(session.getId(), now);
        if (session.getClientId() != null) {
            clientSessionEnded.fire(new ClientSessionEnded(session.getClientId(), session.getUserId(), session.getLoginSid()));
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purgeExpiredRefreshTokens() {
        em.createNamedQuery(RefreshToken.DELETE_EXPIRED).setParameter("now", rules.now()).executeUpdate();
    }
}
