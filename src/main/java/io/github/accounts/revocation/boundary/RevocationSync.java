package io.github.accounts.revocation.boundary;

import io.github.accounts.revocation.entity.RevokedToken;
import io.github.accounts.sessions.entity.UserSession;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nodes that share a database learn each other's logouts: every second, the revocations and ended sessions
 * written since the last look (with a few seconds of overlap for transactions still committing) are merged into
 * {@link Revocations}. The query runs outside the revocation list's lock. Not needed with the embedded database,
 * which only one node can open.
 */
@Singleton
@Startup
@DependsOn("Revocations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RevocationSync {

    static final long OVERLAP_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Revocations revocations;

    @Inject
    @ConfigProperty(name = "DB_URL")
    Optional<String> sharedDatabase;

    private volatile long lastLook = Instant.now().getEpochSecond();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void pull() {
        if (sharedDatabase.filter(url -> !url.isBlank()).isEmpty()) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        long since = lastLook - OVERLAP_SECONDS;
        try {
            Map<String, Long> revoked = new HashMap<>();
            em.createNamedQuery(RevokedToken.REVOKED_SINCE, RevokedToken.class).setParameter("since", since).setParameter("now", now)
                    .getResultStream().forEach(r -> revoked.put(r.getJti(), r.getExpiresAt()));
            Map<String, Long> ended = new HashMap<>();
            em.createNamedQuery(UserSession.ENDED_SINCE, UserSession.class).setParameter("since", since)
                    .getResultStream().forEach(s -> ended.put(s.getId(), s.getEndedAt()));
            if (!revoked.isEmpty() || !ended.isEmpty()) {
                revocations.merge(revoked, ended);
            }
            lastLook = now;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot read revocations now; will try again", e);
        }
    }
}
