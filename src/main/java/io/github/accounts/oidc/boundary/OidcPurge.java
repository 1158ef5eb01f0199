package io.github.accounts.oidc.boundary;

import io.github.accounts.oidc.entity.AuthorizationCode;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * Deletes authorization codes a day after they expired (kept that long so that a late replay still ends the
 * session its code started), provider sessions once they have ended or expired, and back-channel logouts a day
 * after they were delivered or given up.
 */
@Stateless
public class OidcPurge {

    static final long KEEP_SECONDS = 86_400;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purge() {
        long now = clock.instant().getEpochSecond();
        em.createNamedQuery(AuthorizationCode.PURGE).setParameter("before", now - KEEP_SECONDS).executeUpdate();
        em.createQuery("DELETE FROM ProviderLogin l WHERE l.expiresAt < :now OR l.endedAt IS NOT NULL")
                .setParameter("now", now).executeUpdate();
        em.createQuery("DELETE FROM LogoutNotice n WHERE (n.sentAt IS NOT NULL OR n.gaveUpAt IS NOT NULL) AND n.createdAt < :before")
                .setParameter("before", now - KEEP_SECONDS).executeUpdate();
    }
}
