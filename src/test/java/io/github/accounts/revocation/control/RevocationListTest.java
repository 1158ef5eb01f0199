package io.github.accounts.revocation.control;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationListTest {

    static final long TTL = 900;
    static final long NOW = 1_800_000_000;

    @Test
    void aLoggedOutTokenIsRevokedUntilItsExpiry() {
        RevocationList list = new RevocationList(TTL);
        assertTrue(list.addToken("jti-1", NOW + 600, NOW));
        assertFalse(list.addToken("jti-1", NOW + 600, NOW), "a second logout has nothing to record");
        assertTrue(list.contains("jti-1", null));
        list.purge(NOW + 599);
        assertTrue(list.contains("jti-1", null));
        list.purge(NOW + 600);
        assertFalse(list.contains("jti-1", null), "expired: its exp refuses it anyway");
    }

    @Test
    void anExpiredTokenIsNotAdded() {
        RevocationList list = new RevocationList(TTL);
        assertFalse(list.addToken("jti-1", NOW, NOW));
        assertEquals(0, list.size());
    }

    @Test
    void anEndedSessionRevokesItsTokensForOneAccessTokenLifetime() {
        RevocationList list = new RevocationList(TTL);
        assertEquals(NOW + TTL, list.addEndedSession("sid-1", NOW));
        assertEquals(-1, list.addEndedSession("sid-1", NOW + 5));
        assertTrue(list.contains("any token", "sid-1"));
        list.purge(NOW + TTL - 1);
        assertTrue(list.contains(null, "sid-1"));
        list.purge(NOW + TTL);
        assertFalse(list.contains(null, "sid-1"));
    }

    @Test
    void whatATransactionDidNotCommitIsTakenBack() {
        RevocationList list = new RevocationList(TTL);
        list.addToken("jti-1", NOW + 600, NOW);
        long until = list.addEndedSession("sid-1", NOW);
        list.removeToken("jti-1", NOW + 600);
        list.removeEndedSession("sid-1", until);
        assertFalse(list.contains("jti-1", "sid-1"));
    }

    @Test
    void aSessionEndedOnANodeWhoseClockIsBehindIsKeptALifetimeFromNow() {
        RevocationList list = new RevocationList(TTL);
        list.merge(Map.of("jti-1", NOW + 60), Map.of("sid-late", NOW - 800, "sid-ahead", NOW + 100), NOW);
        list.purge(NOW + TTL - 1);
        assertTrue(list.contains(null, "sid-late"), "an hour-old clock must not make this node forget it early");
        assertTrue(list.contains(null, "sid-ahead"));
        assertFalse(list.contains("jti-1", null));
        list.purge(NOW + TTL);
        assertFalse(list.contains(null, "sid-late"));
        assertTrue(list.contains(null, "sid-ahead"));
        list.purge(NOW + 100 + TTL);
        assertEquals(0, list.size());
    }

    @Test
    void loadedSessionsCountFromWhenTheyEnded() {
        RevocationList list = new RevocationList(TTL);
        list.load(Map.of("jti-1", NOW + 10), Map.of("sid-1", NOW - 800));
        assertEquals(1, list.tokens());
        assertEquals(1, list.sessions());
        list.purge(NOW + 100);
        assertFalse(list.contains(null, "sid-1"), "ended 800 s ago: its last token expired 100 s later");
        assertFalse(list.contains("jti-1", null));
    }

    @Test
    void aTokenFoldedIntoTheCompactTableStaysRevokedUntilItsExpiry() {
        RevocationList list = new RevocationList(TTL);
        String jti = UUID.randomUUID().toString();
        assertTrue(list.addToken(jti, NOW + 600, NOW));
        list.purge(NOW);
        assertTrue(list.contains(jti, null));
        assertFalse(list.addToken(jti, NOW + 600, NOW), "folded in: a second logout has nothing to record");
        assertEquals(1, list.tokens());
        list.purge(NOW + 599);
        assertTrue(list.contains(jti, null));
        list.purge(NOW + 600);
        assertFalse(list.contains(jti, null));
        assertEquals(0, list.tokens());
    }

    @Test
    void loadedTokensAreFoundByTheirExactJti() {
        RevocationList list = new RevocationList(TTL);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        list.load(Map.of(a, NOW + 60, b, NOW + 60, "legacy-jti", NOW + 60), Map.of());
        assertEquals(3, list.tokens());
        assertTrue(list.contains(a, null));
        assertTrue(list.contains(b, null));
        assertTrue(list.contains("legacy-jti", null), "a jti that is not a UUID is kept as it is");
        assertFalse(list.contains(UUID.randomUUID().toString(), null));
        assertFalse(list.contains(a.toUpperCase(), null), "another string, another token");
        assertFalse(list.contains(a.substring(1), null));
    }

    @Test
    void recentAndFoldedTokensMergeIntoOneTable() {
        RevocationList list = new RevocationList(TTL);
        String loaded = UUID.randomUUID().toString();
        String merged = UUID.randomUUID().toString();
        list.load(Map.of(loaded, NOW + 60), Map.of());
        list.merge(Map.of(merged, NOW + 300, loaded, NOW + 120), Map.of(), NOW);
        list.purge(NOW + 1);
        assertEquals(2, list.tokens(), "the same token from two sources is one entry");
        list.purge(NOW + 61);
        assertTrue(list.contains(loaded, null), "the later expiry of the two wins");
        list.purge(NOW + 120);
        assertFalse(list.contains(loaded, null));
        assertTrue(list.contains(merged, null));
    }
}
