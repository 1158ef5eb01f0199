package io.github.accounts.oidc.control;

import io.github.accounts.oidc.entity.LogoutNotice;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The back-channel logout's retry rule, played out on a clock the test moves to each attempt. */
class BackChannelRetryTest {

    static final Instant ENDED = Instant.parse("2026-12-07T01:00:00Z");

    Clock clock = Clock.fixed(ENDED, ZoneOffset.UTC);

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** Fails the notice's attempt now, as the worker records it; the clock then moves to the next attempt. */
    OptionalLong failNow(LogoutNotice notice) {
        OptionalLong next = BackChannelLogout.RETRY.nextAttempt(notice.getAttempts() + 1, now());
        notice.failed("answered 503", now(), next);
        if (next.isPresent()) {
            clock = Clock.offset(clock, Duration.ofSeconds(next.getAsLong() - now()));
        }
        return next;
    }

    @Test
    void aClientThatWasBrieflyDownIsToldSecondsLater() {
        LogoutNotice notice = new LogoutNotice("client", 7, "sid", "jti", now());
        assertEquals(now(), notice.getNextAttemptAt(), "due at once");
        assertEquals(OptionalLong.of(ENDED.getEpochSecond() + 2), failNow(notice));
        assertEquals(OptionalLong.of(ENDED.getEpochSecond() + 2 + 4), failNow(notice));
        assertEquals(2, notice.getAttempts());
        assertEquals("answered 503", notice.getLastError());
        notice.sent(now());
        assertTrue(notice.isSent());
        assertFalse(notice.isGivenUp());
    }

    @Test
    void theWaitDoublesToFiveMinutesAndTheNoticeIsGivenUpWithinAnHour() {
        LogoutNotice notice = new LogoutNotice("client", 7, "sid", "jti", now());
        List<Long> waits = new ArrayList<>();
        long before = now();
        while (failNow(notice).isPresent()) {
            waits.add(now() - before);
            before = now();
        }
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L, 300L, 300L, 300L, 300L, 300L, 300L), waits);
        assertTrue(notice.isGivenUp());
        assertEquals(18, notice.getAttempts());
        long lastAttempt = now() - ENDED.getEpochSecond();
        assertTrue(lastAttempt > Duration.ofMinutes(50).toSeconds() && lastAttempt < Duration.ofHours(1).toSeconds(), "last attempt after " + lastAttempt + " s");
        assertEquals(lastAttempt, BackChannelLogout.RETRY.longestSeconds());
    }
}
