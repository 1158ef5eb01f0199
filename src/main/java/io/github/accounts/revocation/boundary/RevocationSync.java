package io.github.accounts.revocation.boundary;

import io.github.accounts.revocation.entity.RevokedToken;
import io.github.accounts.sessions.entity.UserSession;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nodes that share a database learn each other's logouts: every {@code REVOCATION_PULL_MILLIS} (250 ms), the
 * revocations and ended sessions written since the last look (with a few seconds of overlap for transactions still
 * committing) are merged into {@link Revocations}, so a token logged out on one node is refused by every other
 * within well under a second. The query runs outside the revocation list's lock. Not needed with the embedded
 * database, which only one node can open.
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

    @Inject
    @ConfigProperty(name = "REVOCATION_PULL_MILLIS", defaultValue = "250")
    long pullMillis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    private volatile long lastLook = Instant.now().getEpochSecond();
    private ScheduledFuture<?> pulling;

    @PostConstruct
    void start() {
        if (sharedDatabase.filter(url -> !url.isBlank()).isPresent()) {
            RevocationSync self = context.getBusinessObject(RevocationSync.class);
            pulling = scheduler.scheduleWithFixedDelay(self::pull, pullMillis, Math.max(50, pullMillis), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (pulling != null) {
            pulling.cancel(false);
        }
    }

    public void pull() {
        long now = Instant.now().getEpochSecond();
        long since = lastLook - OVERLAP_SECONDS;
        try {
            Map<String, Long> revoked = new HashMap<>();
            em.createNamedQuery(RevokedToken.REVOKED_SINCE, RevokedToken.class).setParameter("since", since).setParameter("now", now)
                    .getResultStream().forEach(r -> revoked.put(r.getJti(), r.getExpiresAt()));
            Map<String, Long> ended = new HashMap<>();
            em.createNamedQuery(UserSession.ENDED_SINCE, Object[].class).setParameter("since", since)
                    .getResultStream().forEach(row -> ended.put((String) row[0], (Long) row[1]));
            if (!revoked.isEmpty() || !ended.isEmpty()) {
                revocations.merge(revoked, ended);
            }
            lastLook = now;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot read revocations now; will try again", e);
        }
    }
}
