package io.github.accounts.users.boundary;

import io.github.accounts.users.entity.EmailToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailChangeTest {

    static final Instant ISSUED = Instant.parse("2026-12-04T03:00:00Z");

    static long at(Duration later) {
        return Clock.offset(Clock.fixed(ISSUED, ZoneOffset.UTC), later).instant().getEpochSecond();
    }

    @Test
    void theUndoLinkWorksSevenDaysAndNotASecondLonger() {
        EmailToken undo = EmailChange.undoToken("hash", 7, "new@example.com", "Old@Example.com", at(Duration.ZERO));
        assertEquals(EmailToken.UNDO, undo.getPurpose());
        assertEquals("Old@Example.com", undo.getAddress());
        assertEquals("new@example.com", undo.getEmailKey(), "bound to the address the change gave");
        assertTrue(undo.isUsable(at(Duration.ofDays(7).minusSeconds(1))));
        assertFalse(undo.isUsable(at(Duration.ofDays(7))));
    }

    @Test
    void theChangeLinkLivesTheVerificationTtlAndOnlyOnce() {
        EmailToken change = EmailChange.changeToken("hash", 7, "old@example.com", "New@Example.com", at(Duration.ZERO), 86_400);
        assertEquals("New@Example.com", change.getAddress());
        assertEquals("old@example.com", change.getEmailKey(), "bound to the address the account has now");
        assertTrue(change.isUsable(at(Duration.ofSeconds(86_399))));
        assertFalse(change.isUsable(at(Duration.ofSeconds(86_400))));
        change.use(at(Duration.ofMinutes(1)));
        assertFalse(change.isUsable(at(Duration.ofMinutes(2))), "used once, dead");
    }
}
