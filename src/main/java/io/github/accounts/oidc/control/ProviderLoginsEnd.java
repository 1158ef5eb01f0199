package io.github.accounts.oidc.control;

import io.github.accounts.oidc.entity.ProviderLogin;
import io.github.accounts.sessions.control.AllSessionsEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * When every session of a user ends (password change, disabled by an admin, logout of other or all sessions), so
 * do the user's sign-ins at the provider: no browser gets a code without the new password.
 */
@ApplicationScoped
public class ProviderLoginsEnd {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    void allSessionsEnded(@Observes AllSessionsEnded ended) {
        long now = clock.instant().getEpochSecond();
        em.createNamedQuery(ProviderLogin.LIVE_OF_USER, ProviderLogin.class).setParameter("user", ended.userId())
                .getResultList().forEach(login -> login.end(now));
    }
}
