package io.github.accounts.revocation.boundary;

import io.github.accounts.revocation.control.DataGridTopic;
import io.github.accounts.revocation.control.RevocationNews;
import io.github.accounts.revocation.entity.RevokedToken;
import io.github.accounts.sessions.entity.UserSession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
 * Nodes that share a database learn each other's logouts.
 * <ul>
 * <li>On Payara (its Hazelcast data grid running), each revocation is published on the grid's topic {@value #TOPIC}
 * once its transaction has committed, and every node merges it into its {@link Revocations} as it arrives: a logout
 * on one node is refused by the other members of the cluster within milliseconds.</li>
 * <li>The database stays the record: every {@code REVOCATION_PULL_MILLIS} (250 ms) the revocations and ended
 * sessions written since the last look (with a few seconds of overlap for transactions still committing) are merged
 * too, so nodes that do not share a grid ({@code --nocluster}, another server) still learn each other's logouts
 * within a second, and news lost while members come and go is made up for.</li>
 * </ul>
 * A node that starts later loads the live revocations from the database ({@link Revocations}). Not needed with the
 * embedded database, which only one node can open.
 */
@Singleton
@Startup
@DependsOn("Revocations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RevocationSync {

    static final String TOPIC = "accounts-revocations";
    static final long OVERLAP_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
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
    private volatile DataGridTopic grid;

    @PostConstruct
    void start() {
        if (sharedDatabase.filter(url -> !url.isBlank()).isEmpty()) {
            return;
        }
        grid = joinGrid().orElse(null);
        long every = Math.max(50, pullMillis);
        LOG.info(() -> (grid == null ? "revocations shared through the database"
                : "revocations shared through Payara's data grid, cluster " + grid.describe() + ", and the database")
                + ", pulled every " + every + " ms");
        RevocationSync self = context.getBusinessObject(RevocationSync.class);
        pulling = scheduler.scheduleWithFixedDelay(self::pull, every, every, TimeUnit.MILLISECONDS);
    }

    private Optional<DataGridTopic> joinGrid() {
        try {
            return DataGridTopic.join(TOPIC, this::heard);
        } catch (RuntimeException | LinkageError e) {
            // a server without Hazelcast on the application's class path
            LOG.log(Level.FINE, "no data grid", e);
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        if (pulling != null) {
            pulling.cancel(false);
        }
        if (grid != null) {
            grid.close();
        }
    }

    /** The data grid revocations travel through; empty when this node has none. */
    public Optional<DataGridTopic> grid() {
        return Optional.ofNullable(grid);
    }

    /** Tells the other nodes of a revocation this node made, once it is committed (never a revocation rolled back). */
    public void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) RevocationNews news) {
        DataGridTopic current = grid;
        if (current == null) {
            return;
        }
        try {
            current.publish(news.encode());
        } catch (RuntimeException e) {
            // the database pull brings it to the others
            LOG.log(Level.FINE, "cannot publish a revocation on the data grid now", e);
        }
    }

    /** A revocation another node (or this one) published; merged on a container thread, not the grid's. */
    private void heard(String message) {
        RevocationNews.decode(message).ifPresent(news -> scheduler.execute(() -> {
            if (news.kind() == RevocationNews.Kind.TOKEN) {
                revocations.merge(Map.of(news.id(), news.time()), Map.of());
            } else {
                revocations.merge(Map.of(), Map.of(news.id(), news.time()));
            }
        }));
    }

    public void pull() {
        long now = Instant.now().getEpochSecond();
        long since = lastLook - OVERLAP_SECONDS;
        try {
            Map<String, Long> revoked = new HashMap<>();
            // by revocation time alone, so the database walks its revoked_at index over the few new rows: with a
            // condition on expires_at too, H2 chose that index and read every live revocation, four times a second
            em.createNamedQuery(RevokedToken.REVOKED_SINCE, RevokedToken.class).setParameter("since", since)
                    .getResultStream().filter(r -> r.getExpiresAt() > now)
                    .forEach(r -> revoked.put(r.getJti(), r.getExpiresAt()));
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
