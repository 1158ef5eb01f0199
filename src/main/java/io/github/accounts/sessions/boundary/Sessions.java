package io.github.accounts.sessions.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.problems.boundary.NotAuthenticatedException;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.sessions.control.RefreshTokens;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sessions and their refresh tokens. A refresh spends the token it is given and hands out the next one;
 * presenting a spent token again is taken as theft and ends the whole session, access tokens included.
 * The refresh-token row is locked while it is exchanged, so two requests racing with one token cannot both win.
 */
@Stateless
public class Sessions {

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
    @ConfigProperty(name = "JWT_REFRESH_TTL", defaultValue = "1209600")
    long refreshTtlSeconds;

    @PostConstruct
    void validate() {
        if (refreshTtlSeconds < 60) {
            throw new IllegalStateException("JWT_REFRESH_TTL must be at least 60 seconds, not " + refreshTtlSeconds);
        }
    }

    /** Starts a session for a user who just proved who they are. */
    public SessionTokens start(User user, String userAgent) {
        long now = now();
        UserSession session = new UserSession(UUID.randomUUID().toString(), user.getId(), now, userAgent, now + refreshTtlSeconds);
        em.persist(session);
        return next(session, user, now);
    }

    /** Exchanges a refresh token for a new access token and the next refresh token. */
    public SessionTokens refresh(String refreshToken, String clientAddress) {
        long now = now();
        RefreshToken presented = em.find(RefreshToken.class, RefreshTokens.hash(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (presented == null || presented.isExpired(now)) {
            throw new NotAuthenticatedException(NO_SESSION);
        }
        UserSession session = em.find(UserSession.class, presented.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
        User user = session == null ? null : em.find(User.class, session.getUserId());
        if (presented.isSpent()) {
            if (session != null && session.isLive(now)) {
                endNow(session, now);
                audit.record("refresh", "reuse", "a spent refresh token was presented: its session ended", session.getUserId(), clientAddress);
                // the session must end even though this request fails
                em.flush();
                throw new SessionReuseException(NO_SESSION);
            }
            throw new NotAuthenticatedException(NO_SESSION);
        }
        if (session == null || !session.isLive(now) || user == null || user.isDisabled()) {
            throw new NotAuthenticatedException(NO_SESSION);
        }
        presented.spend(now);
        audit.record("refresh", "success", user.getId(), clientAddress);
        return next(session, user, now);
    }

    private SessionTokens next(UserSession session, User user, long now) {
        String refreshToken = RefreshTokens.generate();
        session.used(now, now + refreshTtlSeconds);
        em.persist(new RefreshToken(RefreshTokens.hash(refreshToken), session.getId(), now + refreshTtlSeconds));
        return new SessionTokens(tokens.issue(user, session.getId()), refreshToken, refreshTtlSeconds, user);
    }

    public List<UserSession> live(long userId) {
        return em.createNamedQuery(UserSession.LIVE_OF_USER, UserSession.class)
                .setParameter("user", userId).setParameter("now", now()).getResultList();
    }

    /** Ends one session; its refresh tokens stop working and its access tokens are refused. */
    public void end(String sessionId) {
        UserSession session = sessionId == null ? null : em.find(UserSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session != null) {
            endNow(session, now());
        }
    }

    /** Ends every session of the user but {@code keep} (null: all of them). */
    public int endAllOf(long userId, String keep) {
        long now = now();
        List<UserSession> ending = live(userId).stream().filter(s -> !s.getId().equals(keep)).toList();
        ending.forEach(s -> endNow(s, now));
        return ending.size();
    }

    private void endNow(UserSession session, long now) {
        session.end(now);
        revocations.endSession(session.getId(), now);
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purgeExpiredRefreshTokens() {
        em.createNamedQuery(RefreshToken.DELETE_EXPIRED).setParameter("now", now()).executeUpdate();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
