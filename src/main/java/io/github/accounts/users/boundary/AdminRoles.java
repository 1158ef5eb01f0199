package io.github.accounts.users.boundary;

import io.github.accounts.persistence.control.Database;
import io.github.accounts.persistence.control.DatabaseReady;
import io.github.accounts.users.control.AdminEmails;
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
 * At startup, the admin role in the database is brought in line with {@code ADMIN_EMAILS}: granted to the users
 * listed, withdrawn from those no longer listed (or, if the database could not be reached at startup, when it can).
 * A user who registers later with a listed email gets it then.
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

    private void synchronize() {
        Set<String> admins = adminEmails.keys();
        int[] changed = {0};
        em.createQuery("SELECT DISTINCT u FROM User u WHERE u.emailNormalized IN :admins OR :admin MEMBER OF u.roles", User.class)
                .setParameter("admins", admins.isEmpty() ? Set.of("") : admins)
                .setParameter("admin", User.ADMIN_ROLE)
                .getResultStream()
                .forEach(user -> {
                    boolean admin = admins.contains(user.getEmailKey());
                    if (admin != user.groups().contains(User.ADMIN_ROLE)) {
                        user.setRole(User.ADMIN_ROLE, admin);
                        changed[0]++;
                    }
                });
        LOG.info(() -> admins.size() + " admin emails configured; " + changed[0] + " users' admin role changed");
    }
}
