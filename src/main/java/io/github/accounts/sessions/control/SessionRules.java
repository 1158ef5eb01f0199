package io.github.accounts.sessions.control;

import io.github.accounts.sessions.entity.RefreshToken;
import io.github.accounts.sessions.entity.UserSession;

import java.time.Clock;

/**
 * The time rules of sessions, in epoch seconds of {@code clock}:
 * <ul>
 * <li>a session ends when idle for {@code refreshTtl} (each refresh moves that end), and at the latest
 * {@code maxLifetime} after its login, however often it is refreshed;</li>
 * <li>a refresh token that was just replaced may be presented again for {@code graceSeconds} after it was spent
 * (two tabs, or a retry after a lost answer) and gets the same successor again instead of ending the session —
 * only while that successor is unspent (the immediately replaced token, not an older one), and at most
 * {@value #GRACE_ANSWERS} times. Anything else presenting a spent token is reuse.</li>
 * </ul>
 */
public record SessionRules(Clock clock, long refreshTtlSeconds, long maxLifetimeSeconds, long graceSeconds) {

    /** Grace answers a replaced refresh token gives at most. */
    public static final int GRACE_ANSWERS = 3;

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** The absolute end of a session that starts now. */
    public long absoluteEnd(long now) {
        return now + maxLifetimeSeconds;
    }

    /** The idle end of a session used now: a refresh TTL from now, never past its absolute end. */
    public long idleEnd(UserSession session, long now) {
        return Math.min(now + refreshTtlSeconds, session.getExpiresAt());
    }

    /** Whether the spent token {@code presented}, replaced by {@code successor} (null: none known), gets a grace answer. */
    public boolean graceAnswer(RefreshToken presented, RefreshToken successor, long now) {
        return graceSeconds > 0 && presented.isSpent() && successor != null && !successor.isSpent()
                && !successor.isExpired(now) && now - presented.getSpentAt() <= graceSeconds
                && presented.getGraceAnswers() < GRACE_ANSWERS;
    }
}
