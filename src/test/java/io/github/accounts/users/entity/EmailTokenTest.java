package io.github.accounts.users.entity;

import io.github.accounts.users.control.EmailTokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailTokenTest {

    final Clock issued = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aTokenWorksUntilItExpiresAndOnlyOnce() {
        long now = issued.instant().getEpochSecond();
        EmailToken token = new EmailToken(EmailToken.VERIFY, "h", "c", 1, "a@example.com", now, now + 86400);
        assertTrue(token.isUsable(Clock.offset(issued, Duration.ofSeconds(86399)).instant().getEpochSecond()));
        assertFalse(token.isUsable(Clock.offset(issued, Duration.ofSeconds(86400)).instant().getEpochSecond()));
        token.use(now + 1);
        assertFalse(token.isUsable(now + 2));
    }

    @Test
    void secretsAreLongRandomAndStoredAsHashes() {
        String token = EmailTokens.newToken();
        assertEquals(43, token.length(), "256 bits in base64url");
        assertNotEquals(token, EmailTokens.newToken());
        assertEquals(64, EmailTokens.hash(token).length());
        assertTrue(EmailTokens.same(EmailTokens.hash(token), EmailTokens.hash(" " + token + " ")));
        assertFalse(EmailTokens.same(EmailTokens.hash(token), EmailTokens.hash(token + "x")));
        assertTrue(EmailTokens.newCode().matches("\\d{6}"));
    }
}
