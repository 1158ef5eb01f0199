package io.github.accounts.revocation.boundary;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenFilterTest {

    static String token(String header) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
    }

    @Test
    void headersNamingAKeySourceAreRefused() {
        assertTrue(AccessTokenFilter.namesAKeySource(token("{\"alg\":\"RS256\",\"jku\":\"https://evil.test/jwks\"}")));
        assertTrue(AccessTokenFilter.namesAKeySource(token("{\"alg\":\"RS256\",\"x5u\":\"https://evil.test/cert\"}")));
        assertTrue(AccessTokenFilter.namesAKeySource(token("{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\"}}")));
        assertTrue(AccessTokenFilter.namesAKeySource(token("{\"alg\":\"RS256\",\"x5c\":[\"MII\"]}")));
        assertTrue(AccessTokenFilter.namesAKeySource("!!!.e30.c2ln"));
    }

    @Test
    void ourOwnHeaderIsFine() {
        assertFalse(AccessTokenFilter.namesAKeySource(token("{\"kid\":\"abc\",\"typ\":\"JWT\",\"alg\":\"RS256\"}")));
    }
}
