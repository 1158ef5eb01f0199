package io.github.accounts.delivery.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundsTest {

    /** A clock the test (or the work it hands out) moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-07T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void move(long seconds) {
            now = now.plusSeconds(seconds);
        }
    }

    final MovingClock clock = new MovingClock();
    final Rounds rounds = new Rounds(clock, 120);

    @Test
    void aRoundHandsOnEveryClaimedEntryWhileItsClaimIsYoung() {
        List<String> delivered = new ArrayList<>();
        rounds.run(() -> List.of("a", "b", "c"), delivered::add);
        assertEquals(List.of("a", "b", "c"), delivered);
    }

    @Test
    void aSlowRoundStopsAtHalfTheLeaseAndLeavesTheRestToBeClaimedAgain() {
        List<String> delivered = new ArrayList<>();
        rounds.run(() -> List.of("a", "b", "c", "d"), entry -> {
            delivered.add(entry);
            clock.move(30);
        });
        assertEquals(List.of("a", "b"), delivered, "after 60 s of a 120 s lease nothing more is sent");
    }

    @Test
    void aRoundThatIsDueWhileAnotherRunsIsSkipped() {
        List<String> delivered = new ArrayList<>();
        rounds.run(() -> List.of("outer"), entry -> {
            rounds.run(() -> List.of("inner"), delivered::add);
            delivered.add(entry);
        });
        assertEquals(List.of("outer"), delivered);
    }

    @Test
    void anOutboxThatCannotBeReadPausesTheRoundsForAWhile() {
        List<String> delivered = new ArrayList<>();
        rounds.<String>run(() -> {
            throw new IllegalStateException("the database is down");
        }, delivered::add);
        clock.move(Rounds.PAUSE_AFTER_FAILURE_SECONDS - 1);
        rounds.run(() -> List.of("too early"), delivered::add);
        clock.move(1);
        rounds.run(() -> List.of("after the pause"), delivered::add);
        assertEquals(List.of("after the pause"), delivered);
    }
}
