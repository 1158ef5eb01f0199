package io.github.accounts.admin.boundary;

import io.github.accounts.admin.control.AdminEmails;
import io.github.accounts.admin.control.BootstrapSecret;
import io.github.accounts.admin.entity.AdminBootstrap;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.tokens.boundary.SigningKeys;
import io.github.accounts.users.entity.User;
import io.github.accounts.factors.boundary.TotpFactors;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/**
 * What administrators may do: list users, disable and enable them, rotate the signing key; and how the first
 * admin is made: by the operator's bootstrap secret.
 */
@Stateless
public class Administration {

    public static final int MAX_PAGE_SIZE = 200;
    /** The last page number whose first row ({@code page × size}) is still an int for every page size. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE - 1;

    @PersistenceContext
    EntityManager em;

    @EJB
    Sessions sessions;

    @EJB
    SigningKeys keys;

    @EJB
    TotpFactors factors;

    @Inject
    AuditLog audit;

    @Inject
    AdminEmails adminEmails;

    @Inject
    BootstrapSecret bootstrapSecret;

    @Inject
    Clock clock;

    public UserPage users(int page, int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is out of range");
        }
        List<User> users = em.createNamedQuery(User.ALL_BY_ID, User.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
        return new UserPage(users.stream().map(UserPage.Entry::of).toList(), page, size, total);
    }

    /** Disables a user: every session ends at once, and logins are refused until the user is enabled again. */
    public UserPage.Entry disable(long userId, long adminId) {
        User user = find(userId);
        if (user.groups().contains(User.ADMIN_ROLE) && !user.isDisabled() && enabledAdmins() <= 1) {
            throw new ConflictException("last-admin", "This is the last enabled admin: make another admin first");
        }
        user.disable(clock.instant().getEpochSecond());
        int ended = sessions.endAllOf(userId, null);
        audit.record("disable", "success", "by user " + adminId + ", " + ended + " sessions ended", userId, null);
        return UserPage.Entry.of(user);
    }

    /** Resets the user's second factor (audited, and the user is mailed); 404 for a user without one. */
    public void resetSecondFactor(long userId, long adminId) {
        find(userId);
        if (!factors.reset(userId, adminId, null)) {
            throw new ProblemException(404, "urn:accounts:problem:not-found", "Not found", "This user has no second factor");
        }
    }

    public UserPage.Entry enable(long userId, long adminId) {
        User user = find(userId);
        user.enable();
        audit.record("enable", "success", "by user " + adminId, userId, null);
        return UserPage.Entry.of(user);
    }

    public SigningKeys.Rotation rotateKey(long adminId) {
        SigningKeys.Rotation rotation = keys.rotate();
        audit.record("key-rotation", "success", "by user " + adminId + ": " + rotation.kid(), null, null);
        return rotation;
    }

    /**
     * Makes the caller an admin with the operator's bootstrap secret: only a user whose email is in
     * {@code ADMIN_EMAILS}, and each secret once. The caller's next token (refresh or login) carries the role.
     */
    public List<String> bootstrap(long userId, String secret) {
        User user = find(userId);
        if (!bootstrapSecret.matches(secret) || !adminEmails.isAdmin(user.getEmail())
                || em.find(AdminBootstrap.class, bootstrapSecret.hash()) != null) {
            audit.record("admin-bootstrap", "refused", userId, null);
            throw new ProblemException(403, "urn:accounts:problem:bootstrap-refused", "Forbidden",
                    "The bootstrap secret is wrong or already used, or this account's email is not in ADMIN_EMAILS");
        }
        // a second use of the same secret, racing this one, fails on the primary key and rolls back
        em.persist(new AdminBootstrap(bootstrapSecret.hash(), userId, clock.instant().getEpochSecond()));
        user.setRole(User.ADMIN_ROLE, true);
        em.flush();
        audit.record("admin-bootstrap", "success", userId, null);
        return user.groups();
    }

    private long enabledAdmins() {
        return em.createNamedQuery(User.COUNT_ENABLED_IN_ROLE, Long.class).setParameter("role", User.ADMIN_ROLE).getSingleResult();
    }

    private User find(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new ProblemException(404, "urn:accounts:problem:not-found", "Not found", "There is no user " + userId);
        }
        return user;
    }
}
