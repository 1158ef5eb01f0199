package io.github.accounts.defense.control;

import io.github.accounts.defense.entity.LoginFailure;
import io.github.accounts.defense.entity.RateCounter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The throttling counters in the database, each change in a transaction of its own and under a row lock,
 * so that every node sees and updates the same numbers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Counters {

    /** After a day without failures an account's earlier lockouts are forgiven. */
    static final long FORGIVE_AFTER_SECONDS = 86_400;

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LoginFailure loginFailures(String emailKey) {
        return em.find(LoginFailure.class, emailKey);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RateCounter counter(String bucket) {
        return em.find(RateCounter.class, bucket);
    }

    /** @return the seconds the account is now locked for, or 0 */
    public long failLogin(String emailKey, long now, int maxFailures, long baseSeconds, long maxSeconds) {
        LoginFailure failure = em.find(LoginFailure.class, emailKey, LockModeType.PESSIMISTIC_WRITE);
        if (failure == null) {
            failure = new LoginFailure(emailKey);
            em.persist(failure);
        } else if (now - failure.getUpdatedAt() > FORGIVE_AFTER_SECONDS) {
            failure.forgetStreaks();
        }
        long locked = failure.fail(now, maxFailures, baseSeconds, maxSeconds);
        em.flush();
        return locked;
    }

    public void forgetLoginFailures(String emailKey) {
        LoginFailure failure = em.find(LoginFailure.class, emailKey, LockModeType.PESSIMISTIC_WRITE);
        if (failure != null) {
            em.remove(failure);
        }
    }

    /** Counts one hit in the bucket; returns the count including it. */
    public int hit(String bucket, long expiresAt) {
        RateCounter counter = em.find(RateCounter.class, bucket, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new RateCounter(bucket, expiresAt);
            em.persist(counter);
        }
        int hits = counter.hit();
        em.flush();
        return hits;
    }

    public int purgeExpired(long now) {
        return em.createNamedQuery(RateCounter.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
    }
}
