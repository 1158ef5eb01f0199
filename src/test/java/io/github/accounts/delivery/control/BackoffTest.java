package io.github.accounts.delivery.control;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    static final Backoff MAIL = new Backoff(30, 3600, 30);

    @Test
    void theWaitDoublesAfterEachFailureUpToItsMaximum() {
        assertEquals(OptionalLong.of(1030), MAIL.nextAttempt(1, 1000));
        assertEquals(OptionalLong.of(1060), MAIL.nextAttempt(2, 1000));
        assertEquals(OptionalLong.of(1120), MAIL.nextAttempt(3, 1000));
        assertEquals(OptionalLong.of(1000 + 1920), MAIL.nextAttempt(7, 1000));
        assertEquals(OptionalLong.of(1000 + 3600), MAIL.nextAttempt(8, 1000));
        assertEquals(OptionalLong.of(1000 + 3600), MAIL.nextAttempt(29, 1000));
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttempt() {
        assertEquals(OptionalLong.empty(), MAIL.nextAttempt(30, 1000));
        assertEquals(OptionalLong.empty(), Backoff.NONE.nextAttempt(1, 1000));
    }

    @Test
    void theLongestDeliveryIsTheSumOfTheWaits() {
        assertEquals(2 + 4 + 8, new Backoff(2, 300, 4).longestSeconds());
        assertEquals(0, Backoff.NONE.longestSeconds());
    }

    @Test
    void aBackoffOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 3600, 30));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(3601, 3600, 30));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1, 3600, 0));
    }
}
