package io.github.accounts.sessions.control;

import io.github.accounts.sessions.entity.RefreshToken;
import io.github.accounts.sessions.entity.UserSession;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRulesTest {

    static final long DAY = 86_400;
    static final Instant LOGIN = Instant.parse("2026-12-01T10:00:00Z");
    static final long TTL = 14 * DAY;
    static final long MAX = 30 * DAY;

    static SessionRules at(Instant instant) {
        return new SessionRules(Clock.fixed(instant, ZoneOffset.UTC), TTL, MAX, 5);
    }

    static SessionRules later(Duration after) {
        return at(LOGIN.plus(after));
    }

    static UserSession login() {
        long now = at(LOGIN).now();
        return new UserSession("s", 1, now, "test", now + TTL, at(LOGIN).absoluteEnd(now));
    }

    /** A refresh token spent {@code ago} before {@code now}, and its unspent successor. */
    static RefreshToken spent(long now, long ago) {
        RefreshToken token = new RefreshToken("h", "s", now + TTL);
        token.spend(now - ago, "nonce");
        return token;
    }

    @Test
    void eachUseMovesTheIdleEndByTheRefreshTtl() {
        UserSession session = login();
        assertEquals(LOGIN.getEpochSecond() + TTL, session.getRefreshExpiresAt());
        SessionRules tenDaysOn = later(Duration.ofDays(10));
        session.used(tenDaysOn.now(), tenDaysOn.idleEnd(session, tenDaysOn.now()));
        assertEquals(LOGIN.getEpochSecond() + 24 * DAY, session.getRefreshExpiresAt());
        assertTrue(session.isLive(later(Duration.ofDays(23)).now()));
        assertFalse(session.isLive(later(Duration.ofDays(24)).now()), "idle for a refresh TTL: ended");
    }

    @Test
    void noRefreshCarriesASessionPastItsAbsoluteEnd() {
        UserSession session = login();
        for (int day = 13; day < 30; day += 13) {
            SessionRules rules = later(Duration.ofDays(day));
            session.used(rules.now(), rules.idleEnd(session, rules.now()));
        }
        assertEquals(LOGIN.getEpochSecond() + MAX, session.getExpiresAt());
        assertEquals(LOGIN.getEpochSecond() + MAX, session.getRefreshExpiresAt(), "the idle end stops at the absolute end");
        SessionRules lastSecond = later(Duration.ofDays(30).minusSeconds(1));
        assertTrue(session.isLive(lastSecond.now()));
        assertEquals(1, lastSecond.idleEnd(session, lastSecond.now()) - lastSecond.now(), "a refresh now gets one second");
        assertFalse(session.isLive(later(Duration.ofDays(30)).now()), "30 days after the login: over, however used");
    }

    @Test
    void aTokenReplacedJustNowGetsAGraceAnswer() {
        SessionRules rules = at(LOGIN);
        long now = rules.now();
        RefreshToken successor = new RefreshToken("next", "s", now + TTL);
        assertTrue(rules.graceAnswer(spent(now, 0), successor, now));
        assertTrue(rules.graceAnswer(spent(now, 5), successor, now), "5 s after it was spent");
        assertFalse(rules.graceAnswer(spent(now, 6), successor, now), "after the grace period it is reuse");
    }

    @Test
    void onlyTheImmediatelyReplacedTokenAndOnlyAFewTimes() {
        SessionRules rules = at(LOGIN);
        long now = rules.now();
        RefreshToken successor = new RefreshToken("next", "s", now + TTL);
        RefreshToken presented = spent(now, 1);
        assertFalse(rules.graceAnswer(presented, null, now), "no successor known (a token of an older version)");
        for (int i = 0; i < SessionRules.GRACE_ANSWERS; i++) {
            assertTrue(rules.graceAnswer(presented, successor, now));
            presented.answeredInGrace();
        }
        assertFalse(rules.graceAnswer(presented, successor, now), "past the few grace answers it is reuse");

        successor.spend(now, "n2");
        assertFalse(rules.graceAnswer(spent(now, 1), successor, now), "the chain moved on: an older token is reuse");
        RefreshToken expired = new RefreshToken("next", "s", now);
        assertFalse(rules.graceAnswer(spent(now, 1), expired, now));
    }

    @Test
    void aGraceOfZeroTurnsItOff() {
        SessionRules rules = new SessionRules(Clock.fixed(LOGIN, ZoneOffset.UTC), TTL, MAX, 0);
        long now = rules.now();
        assertFalse(rules.graceAnswer(spent(now, 0), new RefreshToken("next", "s", now + TTL), now));
    }

    @Test
    void theSuccessorIsDerivedFromTheReplacedTokenAndTheNonce() {
        String token = RefreshTokens.generate();
        String nonce = RefreshTokens.nonce();
        String successor = RefreshTokens.successor(token, nonce);
        assertEquals(successor, RefreshTokens.successor(token, nonce));
        assertEquals(43, successor.length());
        assertFalse(successor.equals(RefreshTokens.successor(token, RefreshTokens.nonce())));
        assertFalse(successor.equals(RefreshTokens.successor(RefreshTokens.generate(), nonce)));
    }
}
