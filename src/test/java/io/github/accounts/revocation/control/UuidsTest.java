package io.github.accounts.revocation.control;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UuidsTest {

    @Test
    void theTwoHalvesAreThoseOfJavasUuid() {
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = UUID.randomUUID();
            String text = uuid.toString();
            assertTrue(Uuids.isCanonical(text), text);
            assertEquals(uuid.getMostSignificantBits(), Uuids.high(text), text);
            assertEquals(uuid.getLeastSignificantBits(), Uuids.low(text), text);
        }
        assertEquals(-1L, Uuids.high("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assertEquals(0L, Uuids.low("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void onlyTheCanonicalFormCounts() {
        assertFalse(Uuids.isCanonical("0F0E0D0C-0000-0000-0000-000000000000"), "upper case is another string");
        assertFalse(Uuids.isCanonical("0f0e0d0c00000-0000-0000-000000000000"), "a digit where a dash belongs");
        assertFalse(Uuids.isCanonical("0f0e0d0c-0000-0000-0000-00000000000g"));
        assertFalse(Uuids.isCanonical("0f0e0d0c-0000-0000-0000-0000000000000"));
        assertFalse(Uuids.isCanonical(""));
        assertFalse(Uuids.isCanonical("jti-1"));
    }
}
