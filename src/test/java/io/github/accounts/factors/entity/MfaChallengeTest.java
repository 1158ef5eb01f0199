package io.github.accounts.factors.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MfaChallengeTest {

    static final long NOW = 1_700_000_000_000L;

    @Test
    void usableUntilItExpires() {
        MfaChallenge challenge = new MfaChallenge("h", 7, NOW, 300_000);
        assertTrue(challenge.isUsable(NOW));
        assertTrue(challenge.isUsable(NOW + 299_999));
        assertFalse(challenge.isUsable(NOW + 300_000));
    }

    @Test
    void usedOnce() {
        MfaChallenge challenge = new MfaChallenge("h", 7, NOW, 300_000);
        challenge.use(NOW + 1);
        assertFalse(challenge.isUsable(NOW + 2));
    }

    @Test
    void deadAfterFiveWrongCodes() {
        MfaChallenge challenge = new MfaChallenge("h", 7, NOW, 300_000);
        for (int i = 1; i < MfaChallenge.MAX_FAILURES; i++) {
            challenge.failed();
        }
        assertTrue(challenge.isUsable(NOW));
        challenge.failed();
        assertFalse(challenge.isUsable(NOW));
    }
}
