package io.github.accounts.tokens.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This service's rules for its own access tokens, with a key made here and a fixed clock. */
class TokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static RSAKey key;
    static TokenVerifier verifier;

    @BeforeAll
    static void key() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSASSAVerifier rsa = new RSASSAVerifier(key.toRSAPublicKey());
        verifier = new TokenVerifier("https://accounts.test", "accounts", kid -> "k1".equals(kid) ? Optional.of(rsa) : Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("https://accounts.test").audience("accounts").subject("42")
                .jwtID("j-" + System.nanoTime()).issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(600)))
                .claim("groups", List.of("user"));
    }

    static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("k1");
    }

    static String sign(JWSHeader.Builder header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenOfOursIsAcceptedWithItsGroups() throws Exception {
        Optional<VerifiedToken> verified = verifier.verify(sign(header(), claims().build()));
        assertTrue(verified.isPresent());
        assertEquals(Set.of("user"), verified.get().getGroups());
    }

    @Test
    void anotherAudienceOrNoneIsRefused() throws Exception {
        assertFalse(verifier.verify(sign(header(), claims().audience("orders").build())).isPresent());
        assertFalse(verifier.verify(sign(header(), claims().audience((String) null).build())).isPresent());
        assertTrue(verifier.verify(sign(header(), claims().audience(List.of("orders", "accounts")).build())).isPresent());
    }

    @Test
    void expiryIsJudgedByTheClock() throws Exception {
        assertFalse(verifier.verify(sign(header(), claims().expirationTime(Date.from(NOW)).build())).isPresent());
        assertFalse(verifier.verify(sign(header(), claims().notBeforeTime(Date.from(NOW.plusSeconds(5))).build())).isPresent());
    }

    @Test
    void headersNamingAKeySourceOrCritOrAnotherTypAreRefused() throws Exception {
        assertFalse(verifier.verify(sign(header().jwkURL(URI.create("https://evil.test/jwks")), claims().build())).isPresent());
        assertFalse(verifier.verify(sign(header().x509CertURL(URI.create("https://evil.test/cert")), claims().build())).isPresent());
        assertFalse(verifier.verify(sign(header().jwk(key.toPublicJWK()), claims().build())).isPresent());
        assertFalse(verifier.verify(sign(header().x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode("MII"))), claims().build())).isPresent());
        assertFalse(verifier.verify(sign(header().criticalParams(Set.of("exp")), claims().build())).isPresent());
        assertFalse(verifier.verify(sign(header().type(new JOSEObjectType("at+jwt")), claims().build())).isPresent());
        assertFalse(verifier.verify(sign(header().keyID("k2"), claims().build())).isPresent());
    }

    @Test
    void aRememberedTokenStillExpires() throws Exception {
        String token = sign(header(), claims().expirationTime(Date.from(NOW.plusSeconds(1))).build());
        assertTrue(verifier.verify(token).isPresent());
        TokenVerifier later = new TokenVerifier("https://accounts.test", "accounts", kid -> Optional.empty(),
                Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC));
        assertFalse(later.verify(token).isPresent());
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedTokensWhenFull() throws Exception {
        TokenVerifier bounded = new TokenVerifier("https://accounts.test", "accounts",
                kid -> { try { return Optional.of(new RSASSAVerifier(key.toRSAPublicKey())); } catch (Exception e) { return Optional.empty(); } },
                Clock.fixed(NOW, ZoneOffset.UTC));
        String first = sign(header(), claims().build());
        assertTrue(bounded.verify(first).isPresent());
        for (int i = 0; i < TokenVerifier.MAX_REMEMBERED + 10; i++) {
            bounded.verify(first);   // used again and again: never the eldest
            bounded.remember("other-" + i, bounded.verify(first).get());
        }
        assertEquals(TokenVerifier.MAX_REMEMBERED, bounded.rememberedCount());
        assertTrue(bounded.isRemembered(first));
        assertFalse(bounded.isRemembered("other-0"), "the least recently used entry went first");
    }
}
