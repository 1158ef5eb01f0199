package io.github.accounts.defense.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The failed-login streak of one account (by normalized email, whether or not it exists) and its lockout. */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

    @Id
    @Column(name = "email_key", length = 255)
    private String emailKey;

    @Column(nullable = false)
    private int failures;

    /** How many lockouts this account had since its last successful login: each doubles the next. */
    @Column(nullable = false)
    private int streaks;

    /** Epoch seconds; 0 when not locked. */
    @Column(name = "locked_until", nullable = false)
    private long lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected LoginFailure() {
    }

    public LoginFailure(String emailKey) {
        this.emailKey = emailKey;
    }

    /**
     * Counts one more failure at {@code now}; when it completes a streak of {@code maxFailures}, locks the account
     * for {@code baseSeconds} doubled per earlier streak, at most {@code maxSeconds}.
     * @return the seconds the account is now locked for, or 0
     */
    public long fail(long now, int maxFailures, long baseSeconds, long maxSeconds) {
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

    public long getUpdatedAt() {
        return updatedAt;
    }

    /** A long quiet spell forgives earlier streaks. */
    public void forgetStreaks() {
        streaks = 0;
        failures = 0;
    }
}
