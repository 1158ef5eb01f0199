package io.github.accounts.revocation.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationCursorTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final RevocationCursor cursor = new RevocationCursor(10, Duration.ofSeconds(60), nanos::get);

    void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void consecutiveIdsMoveTheCursorAlong() {
        assertTrue(cursor.accept(11));
        assertTrue(cursor.accept(12));
        assertEquals(12, cursor.cursor());
        assertEquals(12, cursor.highest());
        assertEquals(List.of(), cursor.gaps(100));
    }

    @Test
    void aLateCommitBehindTheHighestIdIsStillPickedUp() {
        assertTrue(cursor.accept(11));
        assertTrue(cursor.accept(14));
        assertEquals(11, cursor.cursor(), "the cursor waits at the first gap");
        assertEquals(List.of(12L, 13L), cursor.gaps(100));

        pass(Duration.ofSeconds(59));
        cursor.expire();
        assertTrue(cursor.accept(13), "13 committed late: news");
        assertFalse(cursor.accept(13), "seen once is enough");
        assertFalse(cursor.accept(14), "14 was seen before");
        assertEquals(11, cursor.cursor());
        assertTrue(cursor.accept(12));
        assertEquals(14, cursor.cursor());
    }

    @Test
    void aGapIsGivenUpAfterTheWaitOnTheMonotonicClock() {
        cursor.accept(13);
        pass(Duration.ofSeconds(59).plusMillis(999));
        cursor.expire();
        assertEquals(10, cursor.cursor(), "still waiting for 11 and 12");
        pass(Duration.ofMillis(1));
        cursor.expire();
        assertEquals(13, cursor.cursor(), "a rolled-back id does not hold the cursor for ever");
        assertFalse(cursor.accept(12), "given up: not asked for any more");
    }

    @Test
    void eachGapWaitsFromWhenItWasFirstMissed() {
        cursor.accept(12);
        pass(Duration.ofSeconds(30));
        cursor.accept(14);
        pass(Duration.ofSeconds(30));
        cursor.expire();
        assertEquals(List.of(13L), cursor.gaps(100), "11 waited 60 s, 13 only 30 s");
        assertEquals(12, cursor.cursor());
    }

    @Test
    void onlyTheOldestGapsAreAskedForAndTheirNumberIsBounded() {
        cursor.accept(10 + RevocationCursor.MAX_GAPS * 3L);
        assertEquals(RevocationCursor.MAX_GAPS, cursor.gaps(Integer.MAX_VALUE).size());
        assertEquals(List.of(10L + RevocationCursor.MAX_GAPS * 2, 10L + RevocationCursor.MAX_GAPS * 2 + 1), cursor.gaps(2));
    }
}
