package io.github.accounts.throttling.control;

import io.github.accounts.throttling.entity.LoginFailure;
import io.github.accounts.throttling.entity.RateCounter;

import java.util.Optional;

/**
 * Whether a login attempt may have its password checked. The lockout that refuses even the right password is per
 * account and client ({@code maxFailures}): a stranger's guesses lock out the stranger, not the owner. The account
 * as a whole has a higher ceiling ({@code accountMaxFailures}, guesses from every client together) that refuses
 * only clients that never logged in to it; and each client address has {@code addressMaxFailures} per window.
 * Attempts being checked count as failures until settled, so a parallel burst checks no more than the limit.
 */
public record LoginLimits(int maxFailures, int accountMaxFailures, int addressMaxFailures,
                          long lockoutSeconds, long maxLockoutSeconds) {

    /** Why an attempt is refused, and when to try again. */
    public record Refusal(String detail, long retryAfterSeconds) {
    }

    /**
     * @param address the client address's failures in the current window, or null
     * @param account the account's record, or null
     * @param pair the record of the account and this client, or null
     * @param known whether this client logged in to this account before
     */
    public Optional<Refusal> refusal(RateCounter address, LoginFailure account, LoginFailure pair, boolean known, long now) {
        if (pair != null && pair.lockedFor(now) > 0) {
            return locked(pair.lockedFor(now));
        }
        if (pair != null && !pair.admits(now, maxFailures)) {
            return busy();
        }
        if (!known && account != null && account.lockedFor(now) > 0) {
            return locked(account.lockedFor(now));
        }
        if (!known && account != null && !account.admits(now, accountMaxFailures)) {
            return busy();
        }
        if (address != null && address.isLive(now) && address.getHits() >= addressMaxFailures) {
            return Optional.of(new Refusal("Too many failed logins from this address", address.getExpiresAt() - now));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> locked(long seconds) {
        return Optional.of(new Refusal("Too many failed logins for this account", seconds));
    }

    /** As many attempts are being checked as may still fail before a lockout: one of them settles within a second. */
    private static Optional<Refusal> busy() {
        return Optional.of(new Refusal("Too many failed logins for this account", 1));
    }
}
