package io.github.accounts.tokens.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyScheduleTest {

    /** Rotate every 30 days, publish 10 minutes ahead, tokens live 15 minutes. */
    static final KeySchedule SCHEDULE = new KeySchedule(2_592_000, 600, 900);

    @Test
    void aKeyIsRotatedOnceItIsOldEnoughAndNeverWhenRotationIsOff() {
        assertFalse(SCHEDULE.rotationDue(1000, 1000 + 2_592_000 - 1));
        assertTrue(SCHEDULE.rotationDue(1000, 1000 + 2_592_000));
        assertFalse(new KeySchedule(0, 600, 900).rotationDue(0, Long.MAX_VALUE / 2));
    }

    @Test
    void aNewKeySignsOnlyAfterItHasBeenPublishedAhead() {
        assertEquals(1600, SCHEDULE.activatesAt(1000));
    }

    @Test
    void theFirstKeyMayBeRotatedAtOnce() {
        assertEquals(0, KeySchedule.rotationAllowedIn(1, 1000, 1000, 1001));
    }

    @Test
    void noRotationWhileTheLastRotatedKeyWaitsToSign() {
        assertEquals(599, KeySchedule.rotationAllowedIn(2, 1600, 1000, 1001));
        assertEquals(0, KeySchedule.rotationAllowedIn(2, 1600, 1000, 1600));
    }

    @Test
    void atMostOneRotationAMinuteEvenWithoutPublishAhead() {
        assertEquals(50, KeySchedule.rotationAllowedIn(2, 1000, 1000, 1010));
        assertEquals(0, KeySchedule.rotationAllowedIn(2, 1000, 1000, 1060));
    }

    @Test
    void anOldKeyStaysPublishedWhileItsTokensCanLive() {
        List<Long> activations = List.of(0L, 1600L);
        assertTrue(SCHEDULE.stillPublished(0, activations, 1599), "the new key does not sign yet");
        assertTrue(SCHEDULE.stillPublished(0, activations, 1600 + 899), "a token the old key signed just before may live on");
        assertFalse(SCHEDULE.stillPublished(0, activations, 1600 + 900));
        assertTrue(SCHEDULE.stillPublished(1600, activations, 10_000_000), "the newest key is always published");
        assertTrue(SCHEDULE.stillPublished(1600, List.of(0L, 1600L, 5000L), 4999), "a key published ahead is not 'newer and signing' yet");
    }

    @Test
    void aKeyCanNoLongerSignOnceANewerOneHasSignedForTheRetirementDelay() {
        List<Long> activations = List.of(0L, 1000L);
        KeySchedule quick = new KeySchedule(0, 60, 900);
        assertFalse(quick.canNoLongerSign(0, activations, 999));
        assertFalse(quick.canNoLongerSign(0, activations, 1059));
        assertTrue(quick.canNoLongerSign(0, activations, 1060));
        assertFalse(quick.canNoLongerSign(1000, activations, 5000), "the newest key signs on");
    }

    @Test
    void theRetirementDelayIsThePublishAheadButAtLeastHalfAMinute() {
        assertEquals(600, SCHEDULE.retireAfter());
        assertEquals(30, new KeySchedule(0, 2, 900).retireAfter());
    }
}
