package io.github.accounts.defense.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginFailureTest {

    static long failTimes(LoginFailure failure, int times, long now) {
        long locked = 0;
        for (int i = 0; i < times; i++) {
            locked = failure.fail(now, 5, 30, 900);
        }
        return locked;
    }

    @Test
    void theFifthConsecutiveFailureLocksForTheBaseTime() {
        LoginFailure failure = new LoginFailure("a@b.co");
        assertEquals(0, failTimes(failure, 4, 1000));
        assertEquals(0, failure.lockedFor(1000));
        assertEquals(30, failure.fail(1000, 5, 30, 900));
        assertEquals(30, failure.lockedFor(1000));
        assertEquals(1, failure.lockedFor(1029));
        assertEquals(0, failure.lockedFor(1030));
    }

    @Test
    void eachFurtherStreakDoublesTheLockoutUpToFifteenMinutes() {
        LoginFailure failure = new LoginFailure("a@b.co");
        long[] expected = {30, 60, 120, 240, 480, 900, 900};
        for (long seconds : expected) {
            assertEquals(seconds, failTimes(failure, 5, 5000));
        }
    }

    @Test
    void forgivenStreaksStartOverAtTheBaseTime() {
        LoginFailure failure = new LoginFailure("a@b.co");
        failTimes(failure, 10, 1000);
        failure.forgetStreaks();
        assertEquals(30, failTimes(failure, 5, 2000));
    }
}
