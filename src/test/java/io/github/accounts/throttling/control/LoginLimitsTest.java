package io.github.accounts.throttling.control;

import io.github.accounts.throttling.control.LoginLimits.Refusal;
import io.github.accounts.throttling.entity.LoginFailure;
import io.github.accounts.throttling.entity.RateCounter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginLimitsTest {

    static final LoginLimits LIMITS = new LoginLimits(3, 6, 10, 30, 900);
    static final long NOW = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC).instant().getEpochSecond();

    static LoginFailure failed(int times, int max) {
        LoginFailure failure = new LoginFailure("key", NOW);
        for (int i = 0; i < times; i++) {
            failure.fail(NOW, max, 30, 900);
        }
        return failure;
    }

    @Test
    void aCleanAttemptIsAdmitted() {
        assertEquals(Optional.empty(), LIMITS.refusal(null, null, null, false, NOW));
    }

    @Test
    void thePairsLockoutRefusesThatClientEvenWhenKnown() {
        Optional<Refusal> refusal = LIMITS.refusal(null, null, failed(3, 3), true, NOW);
        assertEquals(30, refusal.orElseThrow().retryAfterSeconds());
        assertTrue(refusal.get().detail().startsWith("Too many failed logins for this account"));
    }

    @Test
    void anotherClientIsNotLockedOutByThePairsLockout() {
        LoginFailure account = failed(3, 6);
        assertEquals(Optional.empty(), LIMITS.refusal(null, account, null, false, NOW));
    }

    @Test
    void theAccountCeilingRefusesUnknownClientsOnly() {
        LoginFailure account = failed(6, 6);
        assertEquals(30, LIMITS.refusal(null, account, null, false, NOW).orElseThrow().retryAfterSeconds());
        assertEquals(Optional.empty(), LIMITS.refusal(null, account, null, true, NOW));
    }

    @Test
    void attemptsInFlightFillThePairsLimitForASecond() {
        LoginFailure pair = failed(1, 3);
        pair.reserve(NOW);
        pair.reserve(NOW);
        assertEquals(1, LIMITS.refusal(null, null, pair, true, NOW).orElseThrow().retryAfterSeconds());
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedUntilItsWindowEnds() {
        RateCounter address = new RateCounter("login-failure|198.51.100.7|0", NOW + 600);
        for (int i = 0; i < 10; i++) {
            address.hit();
        }
        Refusal refusal = LIMITS.refusal(address, null, null, true, NOW).orElseThrow();
        assertEquals(600, refusal.retryAfterSeconds());
        assertTrue(refusal.detail().startsWith("Too many failed logins from this address"));
        address.unhit();
        assertEquals(Optional.empty(), LIMITS.refusal(address, null, null, true, NOW));
    }
}
