package io.github.accounts.revocation.boundary;

import io.github.accounts.revocation.entity.RevokedToken;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The revocation list: logged-out access tokens by {@code jti}, with their expiry. The database is the durable
 * record; this bean keeps the unexpired entries in memory so checking a token costs no database round trip.
 */
@Singleton
@Startup
@DependsOn("Database")
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    @PersistenceContext
    EntityManager em;

    private final Map<String, Long> expiryByJti = new HashMap<>();

    @PostConstruct
    void load() {
        em.createNamedQuery(RevokedToken.UNEXPIRED, RevokedToken.class)
                .setParameter("now", now())
                .getResultStream()
                .forEach(r -> expiryByJti.put(r.getJti(), r.getExpiresAt()));
        LOG.info(() -> expiryByJti.size() + " unexpired revocations loaded");
    }

    @Lock(LockType.READ)
    public boolean isRevoked(String jti) {
        return jti != null && expiryByJti.containsKey(jti);
    }

    /** Revokes a token until its expiry; the database write is part of the caller's transaction. */
    @Lock(LockType.WRITE)
    public void revoke(String jti, long expiresAt) {
        if (expiryByJti.containsKey(jti) || expiresAt <= now()) {
            return;
        }
        if (em.find(RevokedToken.class, jti) == null) {
            em.persist(new RevokedToken(jti, expiresAt));
            em.flush();
        }
        expiryByJti.put(jti, expiresAt);
    }

    @Lock(LockType.READ)
    public int size() {
        return expiryByJti.size();
    }

    /** Expired tokens are refused by their {@code exp} anyway: forget them, here and in the database. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @Lock(LockType.WRITE)
    public void purgeExpired() {
        long now = now();
        expiryByJti.values().removeIf(expiresAt -> expiresAt <= now);
        em.createNamedQuery(RevokedToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
