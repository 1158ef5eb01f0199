package io.github.accounts.revocation.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.operations.control.Metrics;
import io.github.accounts.persistence.control.Database;
import io.github.accounts.persistence.control.Transactions;
import io.github.accounts.persistence.control.DatabaseReady;
import io.github.accounts.revocation.control.RevocationList;
import io.github.accounts.revocation.control.RevocationNews;
import io.github.accounts.revocation.entity.RevocationEvent;
import io.github.accounts.revocation.entity.RevokedToken;
import io.github.accounts.sessions.entity.UserSession;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Map;
import java.util.HashMap;
import java.util.logging.Logger;

/**
 * The revocation list: logged-out access tokens by {@code jti}, and ended sessions by id (each access token
 * carries its session's id in {@code sid}), each with the time after which the entry is useless. The database is
 * the durable record; this bean keeps the live entries in memory so checking a token costs no database round trip.
 * Until they are loaded (a node that started before its database could be reached), every token counts as revoked.
 * <p>
 * No lock is ever held across a database round trip: the entries are concurrent maps (bean-managed concurrency),
 * a revocation is in the map before its rows are written in the caller's transaction, and taken out again if that
 * transaction rolls back. A logout that waits on a slow database keeps no other request waiting.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Revocations {

    @Inject
    Settings settings;

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());
    /** Revocation events are kept this long after the access tokens they concern have expired. */
    static final long EVENTS_KEPT_SECONDS = 86_400;

    @PersistenceContext
    EntityManager em;

    @EJB
    Database database;

    @Inject
    Clock clock;

    long accessTtlSeconds;

    RevocationList list;
    private final Object loading = new Object();

    @Inject
    Metrics metrics;

    /** Told to the other nodes once the caller's transaction commits (see {@link RevocationSync}). */
    @Inject
    Event<RevocationNews> news;

    /** An entry made in memory ahead of its transaction leaves again if that transaction does not commit. */
    @Inject
    Transactions transactions;

    private volatile boolean loaded;

    @PostConstruct
    void start() {
        accessTtlSeconds = settings.get(Settings.JWT_ACCESS_TTL).toSeconds();
        list = new RevocationList(accessTtlSeconds);
        metrics.gauge("accounts_revocations", this::liveEntries);
        if (database.isReady()) {
            load();
        }
    }

    /** The database was not reachable at startup and is now. */
    public void databaseReady(@Observes DatabaseReady ready) {
        load();
    }

    private void load() {
        // only startup and the database's return come here; no request ever waits for this lock
        synchronized (loading) {
            if (loaded) {
                return;
            }
            long now = now();
            // plain values, not managed entities: a large list must not fill the heap with persistence-context copies
            Map<String, Long> tokens = new HashMap<>();
            em.createNamedQuery(RevokedToken.UNEXPIRED, Object[].class).setParameter("now", now)
                    .getResultStream().forEach(row -> tokens.put((String) row[0], (Long) row[1]));
            Map<String, Long> sessions = new HashMap<>();
            em.createNamedQuery(UserSession.ENDED_SINCE, Object[].class).setParameter("since", now - accessTtlSeconds)
                    .getResultStream().forEach(row -> sessions.merge((String) row[0], (Long) row[1], Math::max));
            list.load(tokens, sessions);
            loaded = true;
            LOG.info(() -> list.tokens() + " revoked tokens and " + list.sessions() + " ended sessions loaded");
        }
    }

    /** True when the token was logged out, or its session has ended. */
    public boolean isRevoked(String jti, String sid) {
        return !loaded || list.contains(jti, sid);
    }

    /** Revokes a token until its expiry; the database writes are part of the caller's transaction. */
    public void revoke(String jti, long expiresAt) {
        long now = now();
        if (!list.addToken(jti, expiresAt, now)) {
            return;
        }
        transactions.unlessCommitted(() -> list.removeToken(jti, expiresAt));
        if (em.find(RevokedToken.class, jti) == null) {
            em.persist(new RevokedToken(jti, expiresAt, now));
        }
        em.persist(RevocationEvent.token(jti, expiresAt, now));
        news.fire(RevocationNews.token(jti, expiresAt));
    }

    /** Refuses every access token of a session that ended at {@code endedAt} (the session row is the durable record). */
    public void endSession(String sid, long endedAt) {
        long until = list.addEndedSession(sid, endedAt);
        if (until >= 0) {
            transactions.unlessCommitted(() -> list.removeEndedSession(sid, until));
        }
        em.persist(RevocationEvent.session(sid, endedAt, now()));
        news.fire(RevocationNews.session(sid, endedAt));
    }

    /** Takes in what other nodes revoked or ended (see {@link RevocationSync} and {@link RevocationList#merge}). */
    public void merge(Map<String, Long> revokedTokens, Map<String, Long> sessionsEndedAt) {
        list.merge(revokedTokens, sessionsEndedAt, now());
    }

    /** For the metrics gauge. */
    private int liveEntries() {
        return list.size();
    }

    /** Expired tokens are refused by their {@code exp} anyway: forget them, here and in the database. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void purgeExpired() {
        long now = now();
        list.purge(now);
        em.createNamedQuery(RevokedToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        em.createNamedQuery(RevocationEvent.DELETE_OLDER)
                .setParameter("before", now - accessTtlSeconds - EVENTS_KEPT_SECONDS).executeUpdate();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
