package io.github.accounts.throttling.control;

import io.github.accounts.throttling.control.LoginLimits.Refusal;
import io.github.accounts.throttling.entity.LoginFailure;
import io.github.accounts.throttling.entity.RateCounter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;

/**
 * The throttling counters in the database, each change in a transaction of its own and under row locks (taken
 * in one order: address counter, account, account and client pair), so that every node sees and updates the
 * same numbers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Counters {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The rows one login attempt counts in. */
    public record LoginKeys(String addressBucket, long addressExpiresAt, String account, String pair, String knownClient) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RateCounter counter(String bucket) {
        return em.find(RateCounter.class, bucket);
    }

    /**
     * Reserves a login attempt under the rows' locks, before its password is checked: counts it as a failure of
     * the address and as in flight for the account and the pair; nothing is written when it is refused. The time
     * of every rule is read once the locks are held: another attempt may have settled while this one waited.
     */
    public Optional<Refusal> reserveLogin(LoginKeys keys, LoginLimits limits) {
        RateCounter address = em.find(RateCounter.class, keys.addressBucket(), LockModeType.PESSIMISTIC_WRITE);
        LoginFailure account = em.find(LoginFailure.class, keys.account(), LockModeType.PESSIMISTIC_WRITE);
        LoginFailure pair = em.find(LoginFailure.class, keys.pair(), LockModeType.PESSIMISTIC_WRITE);
        long now = now();
        RateCounter known = em.find(RateCounter.class, keys.knownClient());
        Optional<Refusal> refusal = limits.refusal(address, account, pair, known != null && known.isLive(now), now);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (address == null) {
            address = new RateCounter(keys.addressBucket(), keys.addressExpiresAt());
            em.persist(address);
        }
        address.hit();
        reserve(account, keys.account(), now);
        reserve(pair, keys.pair(), now);
        em.flush();
        return Optional.empty();
    }

    private void reserve(LoginFailure found, String key, long now) {
        LoginFailure failure = found;
        if (failure == null) {
            failure = new LoginFailure(key, now);
            em.persist(failure);
        }
        failure.reserve(now);
    }

    /** Settles a reserved attempt whose password was wrong. @return the seconds the pair is now locked for, or 0 */
    public long loginFailed(LoginKeys keys, LoginLimits limits) {
        LoginFailure account = lockedOrNew(keys.account());
        LoginFailure pair = lockedOrNew(keys.pair());
        long now = now();
        account.release(now);
        pair.release(now);
        account.fail(now, limits.accountMaxFailures(), limits.lockoutSeconds(), limits.maxLockoutSeconds());
        long locked = pair.fail(now, limits.maxFailures(), limits.lockoutSeconds(), limits.maxLockoutSeconds());
        em.flush();
        return locked;
    }

    /**
     * Settles a reserved attempt whose password was right: it was no failure of the address, the pair's record
     * is cleared, the account's streak of failures starts over, and the client is known to the account for
     * {@code knownForSeconds} from now.
     */
    public void loginSucceeded(LoginKeys keys, long knownForSeconds) {
        long now = now();
        long knownUntil = now + knownForSeconds;
        RateCounter address = em.find(RateCounter.class, keys.addressBucket(), LockModeType.PESSIMISTIC_WRITE);
        if (address != null) {
            address.unhit();
        }
        LoginFailure account = em.find(LoginFailure.class, keys.account(), LockModeType.PESSIMISTIC_WRITE);
        if (account != null) {
            account.release(now);
            account.forgetFailures();
            removeIfBlank(account, now);
        }
        LoginFailure pair = em.find(LoginFailure.class, keys.pair(), LockModeType.PESSIMISTIC_WRITE);
        if (pair != null) {
            pair.release(now);
            pair.forgetStreaks();
            removeIfBlank(pair, now);
        }
        RateCounter known = em.find(RateCounter.class, keys.knownClient(), LockModeType.PESSIMISTIC_WRITE);
        if (known == null) {
            known = new RateCounter(keys.knownClient(), knownUntil);
            em.persist(known);
        }
        known.hit();
        known.extendTo(knownUntil);
        em.flush();
    }

    /**
     * Forgets every lockout and failure streak of an account (its own record and those of each client with it),
     * as after a password reset: whoever guessed before guesses against a new password now.
     */
    public int clearAccount(String accountKey, String pairPrefix) {
        int cleared = em.createQuery("DELETE FROM LoginFailure f WHERE f.key = :account OR f.key LIKE :pairs ESCAPE '!'")
                .setParameter("account", accountKey)
                .setParameter("pairs", pairPrefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%").executeUpdate();
        return cleared;
    }

    /** Takes back a reservation whose password could not be checked (no free core, the database gone). */
    public void releaseLogin(LoginKeys keys) {
        long now = now();
        RateCounter address = em.find(RateCounter.class, keys.addressBucket(), LockModeType.PESSIMISTIC_WRITE);
        if (address != null) {
            address.unhit();
        }
        for (String key : new String[] {keys.account(), keys.pair()}) {
            LoginFailure failure = em.find(LoginFailure.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (failure != null) {
                failure.release(now);
            }
        }
    }

    private LoginFailure lockedOrNew(String key) {
        LoginFailure failure = em.find(LoginFailure.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (failure == null) {
            // purged or never reserved (a reservation older than a day): count the failure all the same
            failure = new LoginFailure(key, now());
            em.persist(failure);
        }
        return failure;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private void removeIfBlank(LoginFailure failure, long now) {
        if (failure.isBlank(now)) {
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

    /** Deletes expired counters and login records quiet for a day (of known and unknown emails alike). */
    public int purgeExpired(long now) {
        int counters = em.createNamedQuery(RateCounter.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        return counters + em.createNamedQuery(LoginFailure.DELETE_QUIET)
                .setParameter("quietSince", now - LoginFailure.FORGIVE_AFTER_SECONDS)
                .setParameter("now", now)
                .setParameter("reservedBefore", now - LoginFailure.RESERVATION_SECONDS)
                .executeUpdate();
    }
}
