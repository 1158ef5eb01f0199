package io.github.accounts.tokens.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of key rotation, on key records alone (no database, no clock but the numbers given). */
class SigningKeysTest {

    static SigningKeys.Key key(long activatesAt, long createdAt) {
        return new SigningKeys.Key(null, null, null, activatesAt, createdAt);
    }

    @Test
    void theFirstKeyMayBeRotatedAtOnce() {
        assertEquals(0, SigningKeys.rotationAllowedIn(List.of(key(1000, 1000)), 1001));
    }

    @Test
    void noRotationWhileTheLastRotatedKeyWaitsToSign() {
        List<SigningKeys.Key> keys = List.of(key(1600, 1000), key(0, 0));
        assertEquals(599, SigningKeys.rotationAllowedIn(keys, 1001));
        assertEquals(0, SigningKeys.rotationAllowedIn(keys, 1600));
    }

    @Test
    void atMostOneRotationAMinuteEvenWithoutPublishAhead() {
        List<SigningKeys.Key> keys = List.of(key(1000, 1000), key(0, 0));
        assertEquals(50, SigningKeys.rotationAllowedIn(keys, 1010));
        assertEquals(0, SigningKeys.rotationAllowedIn(keys, 1060));
    }

    @Test
    void aKeyCanNoLongerSignOnceANewerOneHasSignedForTheRetirementDelay() {
        List<Long> activations = List.of(0L, 1000L);
        assertEquals(false, SigningKeys.canNoLongerSign(0, activations, 999, 60));
        assertEquals(false, SigningKeys.canNoLongerSign(0, activations, 1059, 60));
        assertEquals(true, SigningKeys.canNoLongerSign(0, activations, 1060, 60));
        assertEquals(false, SigningKeys.canNoLongerSign(1000, activations, 5000, 60), "the newest key signs on");
    }
}
