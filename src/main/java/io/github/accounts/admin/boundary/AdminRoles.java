package io.github.accounts.admin.boundary;

import io.github.accounts.persistence.control.Database;
import io.github.accounts.persistence.control.DatabaseReady;
import io.github.accounts.admin.control.AdminEmails;
import io.github.accounts.users.control.EmailVerified;
import io.github.accounts.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Set;
import java.util.logging.Logger;

/**
 * At startup, the admin role in the database is brought in line with {@code ADMIN_EMAILS} (or, if the database could
 * not be reached at startup, when it can): withdrawn from those no longer listed, granted to listed users whose
 * email address is verified. A listed address alone proves nothing (anyone can register it): a listed user whose
 * address is not verified becomes admin only through the operator's bootstrap secret ({@link Administration#bootstrap}).
 */
@Singleton
@Startup
@DependsOn("Database")
public class AdminRoles {

    private static final Logger LOG = Logger.getLogger(AdminRoles.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AdminEmails adminEmails;

    @EJB
    Database database;

    @PostConstruct
    void start() {
        if (database.isReady()) {
            synchronize();
        }
    }

    public void databaseReady(@Observes DatabaseReady ready) {
        synchronize();
    }

    /**
     * A listed user becomes admin the moment the address is verified (in the transaction that verifies it); a user
     * whose address changed to one that is not listed stops being admin at once.
     */
    public void emailVerified(@Observes EmailVerified verified) {
        User user = em.find(User.class, verified.userId());
        if (user == null) {
            return;
        }
        boolean hasRole = user.groups().contains(User.ADMIN_ROLE);
        boolean admin = isAdmin(adminEmails.keys().contains(user.getEmailKey()), hasRole, user.isEmailVerified());
        if (admin != hasRole) {
            user.setRole(User.ADMIN_ROLE, admin);
            LOG.info(() -> "user " + user.getId() + (admin ? " is admin: an ADMIN_EMAILS address, now verified"
                    : " is no longer admin: its address is not in ADMIN_EMAILS"));
        }
    }

    private void synchronize() {
        Set<String> admins = adminEmails.keys();
        int[] changed = {0};
        em.createQuery("SELECT DISTINCT u FROM User u WHERE (u.emailNormalized IN :admins AND u.emailVerifiedAt IS NOT NULL)"
                        + " OR :admin MEMBER OF u.roles", User.class)
                .setParameter("admins", admins.isEmpty() ? Set.of("") : admins)
                .setParameter("admin", User.ADMIN_ROLE)
                .getResultStream()
                .forEach(user -> {
                    boolean admin = isAdmin(admins.contains(user.getEmailKey()), user.groups().contains(User.ADMIN_ROLE),
                            user.isEmailVerified());
                    if (admin != user.groups().contains(User.ADMIN_ROLE)) {
                        user.setRole(User.ADMIN_ROLE, admin);
                        changed[0]++;
                    }
                });
        LOG.info(() -> admins.size() + " admin emails configured; " + changed[0] + " users' admin role changed");
    }

    /** Admin is for listed users only, and among them for those who proved their address or were bootstrapped. */
    static boolean isAdmin(boolean listed, boolean hasRole, boolean emailVerified) {
        return listed && (hasRole || emailVerified);
    }
}
