package io.github.accounts.throttling.boundary;

import java.util.Map;
import io.github.accounts.settings.control.Settings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:07:30Z"), ZoneOffset.UTC);
    static final String LONGEST_EMAIL = "a".repeat(64) + "@" + "b".repeat(185) + ".test";
    static final String WIDEST_CLIENT = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128";

    static Throttle throttle(int maxFailures, int accountMaxFailures) {
        Throttle throttle = new Throttle();
        throttle.clock = CLOCK;
        throttle.settings = Settings.of(Map.of("LOGIN_MAX_FAILURES", "" + maxFailures, "LOGIN_ACCOUNT_MAX_FAILURES", "" + accountMaxFailures,
                "LOGIN_LOCKOUT_SECONDS", "30", "LOGIN_IP_MAX_FAILURES", "100", "INTROSPECTION_IP_MAX_FAILURES", "20"));
        throttle.init();
        return throttle;
    }

    @Test
    void aWindowsBucketLastsUntilItsEnd() {
        long now = CLOCK.instant().getEpochSecond();
        long later = Clock.offset(CLOCK, Duration.ofMinutes(7)).instant().getEpochSecond();
        assertEquals(Throttle.bucket("login-failure", "198.51.100.7", 900, now), Throttle.bucket("login-failure", "198.51.100.7", 900, later),
                "10:07:30 and 10:14:30 are in the window of 10:00");
        assertEquals(Instant.parse("2026-12-03T10:15:00Z").getEpochSecond(), Throttle.windowEnd(now, 900));
        long next = Clock.offset(CLOCK, Duration.ofMinutes(8)).instant().getEpochSecond();
        assertNotEquals(Throttle.bucket("login-failure", "198.51.100.7", 900, now), Throttle.bucket("login-failure", "198.51.100.7", 900, next));
    }

    @Test
    void everyKeyFitsItsColumnForTheLongestEmailAndClient() {
        long now = CLOCK.instant().getEpochSecond();
        assertTrue(Throttle.pairKey(LONGEST_EMAIL, WIDEST_CLIENT).length() <= 255);
        assertTrue(Throttle.knownClientKey(LONGEST_EMAIL, WIDEST_CLIENT).length() <= 120);
        assertTrue(Throttle.bucket("introspect-failure", WIDEST_CLIENT, 900, now).length() <= 120);
        assertNotEquals(Throttle.pairKey("a@b.co", "198.51.100.7"), Throttle.pairKey("a@b.co", "198.51.100.8"));
        assertNotEquals(Throttle.pairKey("a@b.co", "198.51.100.7"), Throttle.pairKey("c@b.co", "198.51.100.7"));
    }

    @Test
    void theAccountCeilingMayNotBeBelowTheClientsLimit() {
        assertThrows(IllegalStateException.class, () -> throttle(5, 4));
        assertThrows(IllegalStateException.class, () -> throttle(0, 20));
        assertEquals(20, throttle(5, 20).limits.accountMaxFailures());
    }
}
