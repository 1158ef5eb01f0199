package io.github.accounts.throttling.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.web.control.ClientAddresses;
import io.github.accounts.throttling.control.Counters;
import io.github.accounts.throttling.control.Counters.LoginKeys;
import io.github.accounts.throttling.control.LoginLimits;
import io.github.accounts.throttling.control.LoginLimits.Refusal;
import io.github.accounts.throttling.entity.RateCounter;
import io.github.accounts.persistence.control.Outages;
import io.github.accounts.problems.control.TooManyRequestsException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brute-force defense: lockouts after consecutive failed logins per account and client address (doubling per
 * streak, capped, reset by a success), a higher per-account ceiling for clients that never logged in to the
 * account, and per-address limits on failed logins, failed introspection credentials and registrations. Every
 * login attempt is reserved before its password is hashed. Counted in the database, so all nodes share them and a
 * restart forgets nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Throttle {

    @Inject
    Settings settings;

    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());
    static final long MAX_LOCKOUT_SECONDS = 900;
    static final long LOGIN_IP_WINDOW_SECONDS = 900;
    static final long REGISTER_IP_WINDOW_SECONDS = 3600;
    static final long INTROSPECTION_IP_WINDOW_SECONDS = 900;
    static final long MAIL_WINDOW_SECONDS = 3600;
    /** A client that logged in to an account is known to it for this long after its latest success. */
    static final long KNOWN_CLIENT_SECONDS = 90L * 86_400;

    @EJB
    Counters counters;

    @Inject
    ClientAddresses addresses;

    @Inject
    Clock clock;

    int maxFailures;
    int accountMaxFailures;

    long lockoutSeconds;
    int maxFailuresPerAddress;

    int introspectionFailuresPerAddress;
    int registrationsPerAddress;

    int resetsPerAddress;

    LoginLimits limits;

    @PostConstruct
    void init() {
        maxFailures = settings.get(Settings.LOGIN_MAX_FAILURES);
        accountMaxFailures = settings.get(Settings.LOGIN_ACCOUNT_MAX_FAILURES);
        lockoutSeconds = settings.get(Settings.LOGIN_LOCKOUT_SECONDS).toSeconds();
        maxFailuresPerAddress = settings.get(Settings.LOGIN_IP_MAX_FAILURES);
        introspectionFailuresPerAddress = settings.get(Settings.INTROSPECTION_IP_MAX_FAILURES);
        registrationsPerAddress = settings.get(Settings.REGISTER_IP_LIMIT);
        resetsPerAddress = settings.get(Settings.PASSWORD_RESET_IP_LIMIT);
        limits = new LoginLimits(maxFailures, accountMaxFailures, maxFailuresPerAddress, lockoutSeconds, MAX_LOCKOUT_SECONDS);
    }

    /** A login attempt reserved by {@link #reserveLogin}; it must be settled by exactly one of the other calls. */
    public record LoginAttempt(LoginKeys keys) {
    }

    /**
     * Counts a login attempt before its password is checked, refusing it while the account is locked for this
     * client, as many attempts are in flight as may still fail, or the address has too many failures.
     */
    public LoginAttempt reserveLogin(String emailKey, String address) {
        long now = now();
        String client = addresses.limitedAs(address);
        LoginKeys keys = new LoginKeys(bucket("login-failure", client, LOGIN_IP_WINDOW_SECONDS, now),
                windowEnd(now, LOGIN_IP_WINDOW_SECONDS), emailKey, pairKey(emailKey, client), knownClientKey(emailKey, client));
        Optional<Refusal> refusal = retried(() -> counters.reserveLogin(keys, limits));
        if (refusal.isPresent()) {
            throw new TooManyRequestsException(refusal.get().detail(), refusal.get().retryAfterSeconds());
        }
        return new LoginAttempt(keys);
    }

    /** @return the seconds this account is now locked for this client, or 0 */
    public long loginFailed(LoginAttempt attempt) {
        return retried(() -> counters.loginFailed(attempt.keys(), limits));
    }

    public void loginSucceeded(LoginAttempt attempt) {
        retried(() -> {
            counters.loginSucceeded(attempt.keys(), KNOWN_CLIENT_SECONDS);
            return null;
        });
    }

    /**
     * Takes back an attempt whose password could not be checked. Never fails: if the database cannot take it back
     * now, the reservation runs out by itself.
     */
    public void releaseLogin(LoginAttempt attempt) {
        try {
            counters.releaseLogin(attempt.keys());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a login reservation is left to run out: {0}", e.toString());
        }
    }

    /**
     * Refuses introspection credentials from an address with too many failed ones. Without a database this check
     * passes: introspection keeps working for clients with the right secret (a wrong one then gets a 503).
     */
    public void checkIntrospection(String address) {
        long now = now();
        RateCounter failures;
        try {
            failures = counters.counter(bucket("introspect-failure", addresses.limitedAs(address), INTROSPECTION_IP_WINDOW_SECONDS, now));
        } catch (RuntimeException e) {
            if (!Outages.isDatabaseUnavailable(e)) {
                throw e;
            }
            return;
        }
        if (failures != null && failures.getHits() >= introspectionFailuresPerAddress) {
            throw new TooManyRequestsException("Too many failed introspection credentials from this address", failures.getExpiresAt() - now);
        }
    }

    public void introspectionFailed(String address) {
        long now = now();
        String bucket = bucket("introspect-failure", addresses.limitedAs(address), INTROSPECTION_IP_WINDOW_SECONDS, now);
        retried(() -> counters.hit(bucket, windowEnd(now, INTROSPECTION_IP_WINDOW_SECONDS)));
    }

    /**
     * Refuses a passkey login from an address with {@code LOGIN_IP_MAX_FAILURES} failed passkey assertions in the
     * login window (a passkey names no account before it is checked, so only the address is counted).
     */
    public void checkPasskeyLogin(String address) {
        long now = now();
        RateCounter failures = counters.counter(bucket("passkey-failure", addresses.limitedAs(address), LOGIN_IP_WINDOW_SECONDS, now));
        if (failures != null && failures.getHits() >= maxFailuresPerAddress) {
            throw new TooManyRequestsException("Too many failed passkey logins from this address", failures.getExpiresAt() - now);
        }
    }

    public void passkeyLoginFailed(String address) {
        long now = now();
        String bucket = bucket("passkey-failure", addresses.limitedAs(address), LOGIN_IP_WINDOW_SECONDS, now);
        retried(() -> counters.hit(bucket, windowEnd(now, LOGIN_IP_WINDOW_SECONDS)));
    }

    /** Counts a registration attempt from the address, refusing it over the limit. */
    public void registrationAttempt(String address) {
        limitPerAddress("register", address, REGISTER_IP_WINDOW_SECONDS, registrationsPerAddress, "Too many registrations from this address");
    }

    /** Counts one request of a kind from the address in the current window, refusing it over the limit. */
    private void limitPerAddress(String kind, String address, long window, int limit, String refusal) {
        long now = now();
        String bucket = bucket(kind, addresses.limitedAs(address), window, now);
        int hits = retried(() -> counters.hit(bucket, windowEnd(now, window)));
        if (hits > limit) {
            throw new TooManyRequestsException(refusal, windowEnd(now, window) - now);
        }
    }

    /**
     * Counts a mail asked for about one account (a resent verification, a password reset), refusing more than
     * {@code limit} per hour: nobody can flood an address through the service.
     */
    public void mailRequest(String kind, String accountKey, int limit) {
        long now = now();
        String bucket = bucket("mail-" + kind, digest(accountKey), MAIL_WINDOW_SECONDS, now);
        int hits = retried(() -> counters.hit(bucket, windowEnd(now, MAIL_WINDOW_SECONDS)));
        if (hits > limit) {
            throw new TooManyRequestsException("Too many mails asked for; try again later", windowEnd(now, MAIL_WINDOW_SECONDS) - now);
        }
    }

    /** Counts a password-reset request from the address, refusing more than {@code PASSWORD_RESET_IP_LIMIT} per hour. */
    public void passwordResetAttempt(String address) {
        limitPerAddress("reset", address, MAIL_WINDOW_SECONDS, resetsPerAddress, "Too many password resets from this address");
    }

    /** Clears the lockouts of an account, from every client (after a password reset). */
    public void clearLockouts(String emailKey) {
        retried(() -> counters.clearAccount(emailKey, pairKey(emailKey, "")));
    }

    static String bucket(String kind, String client, long window, long now) {
        return kind + "|" + client + "|" + (now / window) * window;
    }

    static long windowEnd(long now, long window) {
        return (now / window + 1) * window;
    }

    /** The record of one account and client: the account by a digest (an email can be 254 characters long). */
    static String pairKey(String emailKey, String client) {
        return digest(emailKey) + "|" + client;
    }

    static String knownClientKey(String emailKey, String client) {
        return "known|" + digest(emailKey + "|" + client);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two nodes (or two requests) may create the same row at once; the losers of that race count again, and find
     * the row the winner made. An unreachable database is not retried.
     */
    private static <T> T retried(Supplier<T> update) {
        for (int attempt = 1; ; attempt++) {
            try {
                return update.get();
            } catch (EJBException e) {
                if (attempt == 3 || Outages.isDatabaseUnavailable(e)) {
                    throw e;
                }
            }
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
