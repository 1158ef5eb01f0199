package io.github.accounts.revocation.boundary;

import io.github.accounts.operations.control.Metrics;
import io.github.accounts.persistence.control.Database;
import io.github.accounts.persistence.control.DatabaseReady;
import io.github.accounts.revocation.control.RevocationNews;
import io.github.accounts.revocation.entity.RevokedToken;
import io.github.accounts.sessions.entity.UserSession;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The revocation list: logged-out access tokens by {@code jti}, and ended sessions by id (each access token
 * carries its session's id in {@code sid}), each with the time after which the entry is useless. The database is
 * the durable record; this bean keeps the live entries in memory so checking a token costs no database round trip.
 * Until they are loaded (a node that started before its database could be reached), every token counts as revoked.
 */
@Singleton
@Startup
@DependsOn("Database")
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    Database database;

    @Inject
    @ConfigProperty(name = "JWT_ACCESS_TTL", defaultValue = "900")
    long accessTtlSeconds;

    private final Map<String, Long> expiryByJti = new HashMap<>();
    /** Ended sessions, until the last access token issued in them has expired. */
    private final Map<String, Long> endedSessions = new HashMap<>();

    @Inject
    Metrics metrics;

    /** Told to the other nodes once the caller's transaction commits (see {@link RevocationSync}). */
    @Inject
    Event<RevocationNews> news;

    private volatile boolean loaded;

    @PostConstruct
    void start() {
        metrics.gauge("accounts_revocations", this::liveEntries);
        if (database.isReady()) {
            load();
        }
    }

    /** The database was not reachable at startup and is now. */
    @Lock(LockType.WRITE)
    public void databaseReady(@Observes DatabaseReady ready) {
        if (!loaded) {
            load();
        }
    }

    private void load() {
        long now = now();
        // plain values, not managed entities: a large list must not fill the heap with persistence-context copies
        em.createNamedQuery(RevokedToken.UNEXPIRED, Object[].class)
                .setParameter("now", now)
                .getResultStream().forEach(row -> expiryByJti.put((String) row[0], (Long) row[1]));
        em.createNamedQuery(UserSession.ENDED_SINCE, Object[].class)
                .setParameter("since", now - accessTtlSeconds)
                .getResultStream().forEach(row -> endedSessions.put((String) row[0], (Long) row[1] + accessTtlSeconds));
        loaded = true;
        LOG.info(() -> expiryByJti.size() + " revoked tokens and " + endedSessions.size() + " ended sessions loaded");
    }

    /** True when the token was logged out, or its session has ended. */
    @Lock(LockType.READ)
    public boolean isRevoked(String jti, String sid) {
        return !loaded || (jti != null && expiryByJti.containsKey(jti)) || (sid != null && endedSessions.containsKey(sid));
    }

    /** Revokes a token until its expiry; the database write is part of the caller's transaction. */
    @Lock(LockType.WRITE)
    public void revoke(String jti, long expiresAt) {
        long now = now();
        if (expiryByJti.containsKey(jti) || expiresAt <= now) {
            return;
        }
        if (em.find(RevokedToken.class, jti) == null) {
            em.persist(new RevokedToken(jti, expiresAt, now));
            em.flush();
        }
        expiryByJti.put(jti, expiresAt);
        news.fire(RevocationNews.token(jti, expiresAt));
    }

    /** Refuses every access token of a session that ended at {@code endedAt} (the session row is the durable record). */
    @Lock(LockType.WRITE)
    public void endSession(String sid, long endedAt) {
        endedSessions.put(sid, endedAt + accessTtlSeconds);
        news.fire(RevocationNews.session(sid, endedAt));
    }

    /** Takes in what other nodes revoked or ended (see {@link RevocationSync}). */
    @Lock(LockType.WRITE)
    public void merge(Map<String, Long> revokedTokens, Map<String, Long> sessionsEndedAt) {
        expiryByJti.putAll(revokedTokens);
        sessionsEndedAt.forEach((sid, endedAt) -> endedSessions.put(sid, endedAt + accessTtlSeconds));
    }

    /** For the metrics gauge, which reads without the container's lock: the sizes of two maps, never torn badly. */
    private int liveEntries() {
        return expiryByJti.size() + endedSessions.size();
    }

    /** Expired tokens are refused by their {@code exp} anyway: forget them, here and in the database. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @Lock(LockType.WRITE)
    public void purgeExpired() {
        long now = now();
        expiryByJti.values().removeIf(expiresAt -> expiresAt <= now);
        endedSessions.values().removeIf(until -> until <= now);
        em.createNamedQuery(RevokedToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
