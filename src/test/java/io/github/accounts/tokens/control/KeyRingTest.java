package io.github.accounts.tokens.control;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.problems.control.NotReadyException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which key signs, and what the ring verifies and publishes, with keys made here and a fixed clock. */
class KeyRingTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static RSAKey older;
    static RSAKey newer;

    @BeforeAll
    static void keys() throws Exception {
        older = new RSAKeyGenerator(2048).keyID("older").generate();
        newer = new RSAKeyGenerator(2048).keyID("newer").generate();
    }

    static KeyRing ring() {
        KeyRing ring = new KeyRing();
        ring.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ring.init("https://accounts.test", "accounts", 600);
        return ring;
    }

    static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("https://accounts.test").audience("accounts").subject("42").jwtID("j1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).build();
    }

    @Test
    void anEmptyRingSignsNothingAndVerifiesNothing() {
        KeyRing ring = ring();
        assertThrows(NotReadyException.class, () -> ring.sign(claims()));
        assertTrue(ring.publicKeys().getKeys().isEmpty());
    }

    @Test
    void theNewestKeyWhoseTimeHasComeSigns() throws Exception {
        KeyRing ring = ring();
        ring.use(List.of(KeyRing.Key.of(newer, NOW.getEpochSecond(), 0), KeyRing.Key.of(older, 0, 0)));
        String token = ring.sign(claims());
        assertEquals("newer", SignedJWT.parse(token).getHeader().getKeyID());
        assertTrue(ring.verifier().verify(token).isPresent());
    }

    @Test
    void aKeyPublishedAheadDoesNotSignYetButIsPublished() throws Exception {
        KeyRing ring = ring();
        ring.use(List.of(KeyRing.Key.of(newer, NOW.getEpochSecond() + 1, 0), KeyRing.Key.of(older, 0, 0)));
        assertEquals("older", SignedJWT.parse(ring.sign(claims())).getHeader().getKeyID());
        assertEquals(List.of("newer", "older"), ring.publicKeys().getKeys().stream().map(k -> k.getKeyID()).toList());
        assertFalse(ring.publicKeys().getKeys().get(0).isPrivate());
    }

    @Test
    void aTokenOfAKeyNoLongerPublishedIsRefused() {
        KeyRing ring = ring();
        ring.use(List.of(KeyRing.Key.of(older, 0, 0)));
        String token = ring.sign(claims());
        assertTrue(ring.use(List.of(KeyRing.Key.of(newer, 0, 0))));
        assertFalse(ring.verifier().verify(token).isPresent());
    }

    @Test
    void handingTheSameKeysAgainChangesNothingPublished() {
        KeyRing ring = ring();
        assertTrue(ring.use(List.of(KeyRing.Key.of(older, 0, 0))));
        assertFalse(ring.use(List.of(KeyRing.Key.of(older, 0, 0))));
    }

    @Test
    void theJwksMayBeCachedForHalfThePublishAhead() {
        assertEquals(300, ring().publicKeysMaxAge());
    }
}
