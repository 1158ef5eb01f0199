package io.github.accounts.defense.boundary;

import io.github.accounts.defense.control.Counters;
import io.github.accounts.defense.entity.LoginFailure;
import io.github.accounts.defense.entity.RateCounter;
import io.github.accounts.problems.boundary.TooManyRequestsException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Brute-force defense: per-account lockouts after consecutive failed logins (doubling per streak, capped, reset
 * by a success) and per-address limits on failed logins and registrations. Counted in the database, so all
 * nodes share them and a restart forgets nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Throttle {

    static final long MAX_LOCKOUT_SECONDS = 900;
    static final long LOGIN_IP_WINDOW_SECONDS = 900;
    static final long REGISTER_IP_WINDOW_SECONDS = 3600;

    @EJB
    Counters counters;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "LOGIN_LOCKOUT_SECONDS", defaultValue = "30")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "LOGIN_IP_MAX_FAILURES", defaultValue = "100")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "REGISTER_IP_LIMIT", defaultValue = "20")
    int registrationsPerAddress;

    /**
     * Refuses a login attempt for a locked account or an address with too many failures.
     * @return whether the account has failures on record (a success must then clear them)
     */
    public boolean checkLogin(String emailKey, String address) {
        long now = now();
        LoginFailure failures = counters.loginFailures(emailKey);
        if (failures != null && failures.lockedFor(now) > 0) {
            throw new TooManyRequestsException("Too many failed logins for this account", failures.lockedFor(now));
        }
        RateCounter fromAddress = counters.counter(bucket("login-failure", address, LOGIN_IP_WINDOW_SECONDS, now));
        if (fromAddress != null && fromAddress.getHits() >= maxFailuresPerAddress) {
            throw new TooManyRequestsException("Too many failed logins from this address", fromAddress.getExpiresAt() - now);
        }
        return failures != null;
    }

    /** @return the seconds the account is now locked for, or 0 */
    public long loginFailed(String emailKey, String address) {
        long now = now();
        String bucket = bucket("login-failure", address, LOGIN_IP_WINDOW_SECONDS, now);
        retryOnce(() -> counters.hit(bucket, windowEnd(now, LOGIN_IP_WINDOW_SECONDS)));
        return retryOnce(() -> counters.failLogin(emailKey, now, maxFailures, lockoutSeconds, MAX_LOCKOUT_SECONDS));
    }

    public void loginSucceeded(String emailKey) {
        counters.forgetLoginFailures(emailKey);
    }

    /** Counts a registration attempt from the address, refusing it over the limit. */
    public void registrationAttempt(String address) {
        long now = now();
        String bucket = bucket("register", address, REGISTER_IP_WINDOW_SECONDS, now);
        int hits = retryOnce(() -> counters.hit(bucket, windowEnd(now, REGISTER_IP_WINDOW_SECONDS)));
        if (hits > registrationsPerAddress) {
            throw new TooManyRequestsException("Too many registrations from this address", windowEnd(now, REGISTER_IP_WINDOW_SECONDS) - now);
        }
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void purgeExpired() {
        counters.purgeExpired(now());
    }

    static String bucket(String kind, String address, long window, long now) {
        return kind + "|" + address + "|" + (now / window) * window;
    }

    static long windowEnd(long now, long window) {
        return (now / window + 1) * window;
    }

    /** Two nodes may create the same counter at once; the loser of that race simply counts again. */
    private static <T> T retryOnce(Supplier<T> update) {
        try {
            return update.get();
        } catch (EJBException e) {
            return update.get();
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
