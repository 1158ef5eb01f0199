package io.github.accounts.users.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.users.entity.EmailToken;
import io.github.accounts.users.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What a logged-in user sees of the account (profile, data, sessions) and the logout. */
@Stateless
public class Accounts {

    /** Which sessions a logout ends. */
    public enum LogoutScope {
        LOCAL, OTHERS, GLOBAL
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Sessions sessions;

    @EJB
    Revocations revocations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

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
        Long userId = User.idOf(subject).orElse(null);
        return userId == null ? List.of() : sessions.live(userId).stream().map(s -> SessionView.of(s, currentSession)).toList();
    }

    /**
     * Logs out: {@code LOCAL} ends this token's session (the token itself is refused from now on, also after a
     * restart), {@code OTHERS} every other session of the user, {@code GLOBAL} all of them.
     */
    public void logout(String subject, String jti, String sessionId, long expiresAt, LogoutScope scope, Client client) {
        Long userId = User.idOf(subject).orElse(null);
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
        return User.idOf(subject).map(id -> em.find(User.class, id));
    }

    /** Who is calling: the client's address (for throttling and audit) its user agent (shown with its sessions) and language (of its mails). */
    public record Client(String address, String userAgent, String language) {
    }
}
