package io.github.accounts.mail.control;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToAnHour() {
        Backoff backoff = new Backoff(30);
        assertEquals(OptionalLong.of(1030), backoff.nextAttempt(1, 1000));
        assertEquals(OptionalLong.of(1060), backoff.nextAttempt(2, 1000));
        assertEquals(OptionalLong.of(1120), backoff.nextAttempt(3, 1000));
        assertEquals(OptionalLong.of(1000 + 1920), backoff.nextAttempt(7, 1000));
        assertEquals(OptionalLong.of(1000 + 3600), backoff.nextAttempt(8, 1000));
        assertEquals(OptionalLong.of(1000 + 3600), backoff.nextAttempt(Backoff.MAX_ATTEMPTS - 1, 1000));
    }

    @Test
    void aMailIsGivenUpAfterTheLastAttempt() {
        assertEquals(OptionalLong.empty(), new Backoff(30).nextAttempt(Backoff.MAX_ATTEMPTS, 1000));
    }

    @Test
    void aBaseOutOfRangeStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> new Backoff(0));
        assertThrows(IllegalStateException.class, () -> new Backoff(3601));
    }
}
