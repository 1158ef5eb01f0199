package io.github.accounts.passkeys.entity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasskeyChallengeTest {

    private Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    private PasskeyChallenge issued() {
        return new PasskeyChallenge("hash", PasskeyChallenge.LOGIN, null, null, clock.millis(), 120_000);
    }

    private void advance(long millis) {
        clock = Clock.offset(clock, java.time.Duration.ofMillis(millis));
    }

    @Test
    void usableUntilTheLastMillisecondOfItsLifetime() {
        PasskeyChallenge challenge = issued();
        assertEquals(1_700_000_120_000L, challenge.getExpiresAt());
        advance(119_999);
        assertTrue(challenge.isUsable(PasskeyChallenge.LOGIN, clock.millis()));
        advance(1);
        assertFalse(challenge.isUsable(PasskeyChallenge.LOGIN, clock.millis()));
    }

    @Test
    void usedOnceOnly() {
        PasskeyChallenge challenge = issued();
        advance(10);
        challenge.use(clock.millis());
        assertFalse(challenge.isUsable(PasskeyChallenge.LOGIN, clock.millis()));
    }

    @Test
    void notForAnotherCeremony() {
        assertFalse(issued().isUsable(PasskeyChallenge.REGISTER, clock.millis()));
    }
}
