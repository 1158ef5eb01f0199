package io.github.accounts.throttling.entity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginFailureTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    static long at(Duration later) {
        return Clock.offset(CLOCK, later).instant().getEpochSecond();
    }

    static long failTimes(LoginFailure failure, int times, long now) {
        long locked = 0;
        for (int i = 0; i < times; i++) {
            locked = failure.fail(now, 5, 30, 900);
        }
        return locked;
    }

    @Test
    void theFifthConsecutiveFailureLocksForTheBaseTime() {
        long now = at(Duration.ZERO);
        LoginFailure failure = new LoginFailure("a@b.co", now);
        assertEquals(0, failTimes(failure, 4, now));
        assertEquals(0, failure.lockedFor(now));
        assertEquals(30, failure.fail(now, 5, 30, 900));
        assertEquals(30, failure.lockedFor(now));
        assertEquals(1, failure.lockedFor(at(Duration.ofSeconds(29))));
        assertEquals(0, failure.lockedFor(at(Duration.ofSeconds(30))));
    }

    @Test
    void eachFurtherStreakDoublesTheLockoutUpToFifteenMinutes() {
        long now = at(Duration.ZERO);
        LoginFailure failure = new LoginFailure("a@b.co", now);
        long[] expected = {30, 60, 120, 240, 480, 900, 900};
        for (long seconds : expected) {
            assertEquals(seconds, failTimes(failure, 5, now));
        }
    }

    @Test
    void forgivenStreaksStartOverAtTheBaseTime() {
        LoginFailure failure = new LoginFailure("a@b.co", at(Duration.ZERO));
        failTimes(failure, 10, at(Duration.ZERO));
        failure.forgetStreaks();
        assertEquals(30, failTimes(failure, 5, at(Duration.ofMinutes(20))));
    }

    @Test
    void aDayWithoutFailuresForgivesEarlierStreaks() {
        LoginFailure failure = new LoginFailure("a@b.co", at(Duration.ZERO));
        failTimes(failure, 15, at(Duration.ZERO));
        assertEquals(240, failTimes(failure, 5, at(Duration.ofHours(23))), "within a day the doubling goes on");
        assertEquals(30, failTimes(failure, 5, at(Duration.ofHours(48))));
    }

    @Test
    void attemptsInFlightCountAgainstTheLimitUntilSettled() {
        long now = at(Duration.ZERO);
        LoginFailure failure = new LoginFailure("a@b.co", now);
        failTimes(failure, 2, now);
        for (int i = 0; i < 3; i++) {
            assertTrue(failure.admits(now, 5), "attempt " + (i + 3));
            failure.reserve(now);
        }
        assertFalse(failure.admits(now, 5), "two failures and three attempts in flight fill the limit of five");
        failure.release(now);
        assertTrue(failure.admits(now, 5), "a settled success frees its place");
        assertEquals(2, failure.inFlight(now));
    }

    @Test
    void reservationsOfACrashedNodeRunOutAfterAMinute() {
        LoginFailure failure = new LoginFailure("a@b.co", at(Duration.ZERO));
        for (int i = 0; i < 5; i++) {
            failure.reserve(at(Duration.ZERO));
        }
        assertFalse(failure.admits(at(Duration.ofSeconds(59)), 5));
        assertTrue(failure.admits(at(Duration.ofSeconds(60)), 5));
        assertEquals(0, failure.inFlight(at(Duration.ofSeconds(60))));
        failure.release(at(Duration.ofSeconds(61)));
        assertEquals(0, failure.inFlight(at(Duration.ofSeconds(61))), "a late settlement never goes below zero");
    }

    @Test
    void aRecordWithoutFailuresLockoutOrAttemptsIsBlank() {
        long now = at(Duration.ZERO);
        LoginFailure failure = new LoginFailure("a@b.co", now);
        failure.reserve(now);
        assertFalse(failure.isBlank(now));
        failure.release(now);
        assertTrue(failure.isBlank(now));
        failTimes(failure, 5, now);
        failure.forgetFailures();
        assertFalse(failure.isBlank(now), "a success keeps a running lockout");
    }
}
