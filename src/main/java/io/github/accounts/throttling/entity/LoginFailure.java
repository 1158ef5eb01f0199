package io.github.accounts.throttling.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The failed-login streak of one account (by normalized email, whether or not it exists), or of one account and
 * client pair, its lockout, and the attempts being checked right now: an attempt is reserved before its password
 * is hashed, so attempts in flight and failures together never exceed the limit.
 */
@Entity
@Table(name = "login_failure")
@NamedQuery(name = LoginFailure.DELETE_QUIET, query = "DELETE FROM LoginFailure f WHERE f.updatedAt < :quietSince "
        + "AND f.lockedUntil <= :now AND f.reservedAt < :reservedBefore")
public class LoginFailure {

    public static final String DELETE_QUIET = "LoginFailure.deleteQuiet";
    /** A reservation older than this is from a node that crashed while checking a password, and no longer counts. */
    public static final long RESERVATION_SECONDS = 60;
    /** After a day without failures earlier lockouts are forgiven. */
    public static final long FORGIVE_AFTER_SECONDS = 86_400;

    @Id
    @Column(name = "email_key", length = 255)
    private String key;

    @Column(nullable = false)
    private int failures;

    /** How many lockouts this record had since it was last cleared: each doubles the next. */
    @Column(nullable = false)
    private int streaks;

    /** Epoch seconds; 0 when not locked. */
    @Column(name = "locked_until", nullable = false)
    private long lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    /** Attempts reserved and not yet settled. */
    @Column(name = "in_flight", nullable = false)
    private int inFlight;

    /** Epoch seconds of the latest reservation. */
    @Column(name = "reserved_at", nullable = false)
    private long reservedAt;

    protected LoginFailure() {
    }

    public LoginFailure(String key, long now) {
        this.key = key;
        this.updatedAt = now;
    }

    /**
     * Counts one more failure at {@code now}; when it completes a streak of {@code maxFailures}, locks for
     * {@code baseSeconds} doubled per earlier streak, at most {@code maxSeconds}. A day without failures before it
     * forgives earlier streaks.
     * @return the seconds now locked for, or 0
     */
    public long fail(long now, int maxFailures, long baseSeconds, long maxSeconds) {
        if (now - updatedAt > FORGIVE_AFTER_SECONDS) {
            forgetStreaks();
        }
        updatedAt = now;
        failures++;
        if (failures < maxFailures) {
            return 0;
        }
        long seconds = Math.min(maxSeconds, baseSeconds << Math.min(streaks, 20));
        failures = 0;
        streaks++;
        lockedUntil = now + seconds;
        return seconds;
    }

    /** Seconds left of the lockout at {@code now}, or 0. */
    public long lockedFor(long now) {
        return Math.max(0, lockedUntil - now);
    }

    /** Attempts in flight at {@code now}: reservations run out {@link #RESERVATION_SECONDS} after the latest one. */
    public int inFlight(long now) {
        return now - reservedAt >= RESERVATION_SECONDS ? 0 : inFlight;
    }

    /** Whether one more attempt may be checked: not locked, and failures plus attempts in flight below the limit. */
    public boolean admits(long now, int maxFailures) {
        return lockedFor(now) == 0 && failures + inFlight(now) < maxFailures;
    }

    public void reserve(long now) {
        inFlight = inFlight(now) + 1;
        reservedAt = now;
    }

    /** Settles one reservation (the attempt failed, succeeded, or could not be checked). */
    public void release(long now) {
        inFlight = Math.max(0, inFlight(now) - 1);
    }

    /** A success forgets the failures of the current streak; a running lockout and the streak count stay. */
    public void forgetFailures() {
        failures = 0;
    }

    /** Whether this record says nothing a missing one would not: no failures, lockout, streak or attempt in flight. */
    public boolean isBlank(long now) {
        return failures == 0 && streaks == 0 && lockedFor(now) == 0 && inFlight(now) == 0;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    /** A long quiet spell forgives earlier streaks. */
    public void forgetStreaks() {
        streaks = 0;
        failures = 0;
    }
}
