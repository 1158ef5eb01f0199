package io.github.accounts.passkeys.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasskeyTest {

    private static Passkey withCounter(long signCount, boolean backupEligible) {
        return new Passkey(1, "handle", "hash", "id", "data", "packed", "Laptop", signCount, true, backupEligible, false, "internal", 1_000);
    }

    @Test
    void aGrowingCounterIsAcceptedAndKept() {
        Passkey passkey = withCounter(5, false);
        assertEquals(Passkey.Use.ACCEPTED, passkey.used(6, false, false, 2_000));
        assertEquals(6, passkey.getSignCount());
        assertEquals(2_000L, passkey.getLastUsedAt());
    }

    @Test
    void aCounterThatDidNotGrowIsRefusedAndNothingChanges() {
        Passkey passkey = withCounter(5, false);
        assertEquals(Passkey.Use.COUNTER_NOT_INCREASED, passkey.used(5, false, false, 2_000));
        assertEquals(Passkey.Use.COUNTER_NOT_INCREASED, passkey.used(4, false, false, 2_001));
        assertEquals(5, passkey.getSignCount());
        assertEquals(null, passkey.getLastUsedAt());
    }

    @Test
    void anAuthenticatorWithoutACounterStaysAtZero() {
        Passkey passkey = withCounter(0, true);
        assertEquals(Passkey.Use.ACCEPTED, passkey.used(0, true, true, 2_000));
        assertEquals(true, passkey.isBackupState());
    }

    @Test
    void aCounterGoingBackToZeroIsRefused() {
        assertEquals(Passkey.Use.COUNTER_NOT_INCREASED, withCounter(3, false).used(0, false, false, 2_000));
    }

    @Test
    void backupEligibilityNeverChanges() {
        Passkey passkey = withCounter(0, false);
        assertEquals(Passkey.Use.BACKUP_ELIGIBILITY_CHANGED, passkey.used(1, true, true, 2_000));
        assertEquals("hwk", passkey.amr());
    }
}
