package io.github.accounts.revocation.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.revocation.control.DataGridTopic;
import io.github.accounts.revocation.control.RevocationNews;
import io.github.accounts.revocation.control.RevocationCursor;
import io.github.accounts.revocation.entity.RevocationEvent;
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
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
 * <li>The database stays the record: every {@code REVOCATION_PULL_MILLIS} (250 ms) the revocation events
 * ({@link RevocationEvent}, numbered by the database in the transaction of each revocation and session end) above
 * the last one seen are merged too, with the gaps in the numbers asked for again until they commit or have been
 * missing for {@link #GAP_WAIT} ({@link RevocationCursor}): no node's clock, and no commit landing late, can hide
 * one. So nodes that do not share a grid ({@code --nocluster}, another server) still learn each other's logouts
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

    @Inject
    Settings settings;

    static final String TOPIC = "accounts-revocations";
    /** How long a gap in the event numbers is waited for: a transaction that commits later than this is missed. */
    static final Duration GAP_WAIT = Duration.ofMinutes(10);
    /** A node's first pull starts this many events back, so transactions in flight at its start are not missed. */
    static final long START_BACK = 1000;
    /** Gaps asked for again per pull, and events read per pull at most (the rest come with the next). */
    static final int GAPS_PER_PULL = 500;
    static final int EVENTS_PER_PULL = 5000;
    private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    Revocations revocations;

    Optional<String> sharedDatabase;
    long pullMillis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    /** Where the pulls are; made by the first that reaches the database (one pull at a time: a fixed-delay task). */
    private RevocationCursor cursor;
    private ScheduledFuture<?> pulling;
    private volatile DataGridTopic grid;

    @PostConstruct
    void start() {
        sharedDatabase = settings.get(Settings.DB_URL);
        pullMillis = settings.get(Settings.REVOCATION_PULL_MILLIS);
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
        try {
            if (cursor == null) {
                Long newest = em.createNamedQuery(RevocationEvent.NEWEST, Long.class).getSingleResult();
                cursor = new RevocationCursor(Math.max(0, (newest == null ? 0 : newest) - START_BACK), GAP_WAIT, System::nanoTime);
            }
            List<Long> gaps = cursor.gaps(GAPS_PER_PULL);
            TypedQuery<RevocationEvent> query = gaps.isEmpty()
                    ? em.createNamedQuery(RevocationEvent.AFTER, RevocationEvent.class)
                    : em.createNamedQuery(RevocationEvent.AFTER_OR_IN, RevocationEvent.class).setParameter("gaps", gaps);
            List<RevocationEvent> events = query.setParameter("after", cursor.highest()).setMaxResults(EVENTS_PER_PULL).getResultList();
            long now = clock.instant().getEpochSecond();
            Map<String, Long> revoked = new HashMap<>();
            Map<String, Long> ended = new HashMap<>();
            for (RevocationEvent event : events) {
                if (!cursor.accept(event.getId())) {
                    continue;
                }
                if (!event.isToken()) {
                    ended.merge(event.getSubject(), event.getTime(), Math::max);
                } else if (event.getTime() > now) {
                    revoked.put(event.getSubject(), event.getTime());
                }
            }
            cursor.expire();
            if (!revoked.isEmpty() || !ended.isEmpty()) {
                revocations.merge(revoked, ended);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot read revocations now; will try again", e);
        }
    }
}
