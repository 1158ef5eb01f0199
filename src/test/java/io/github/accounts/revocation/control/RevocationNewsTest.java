package io.github.accounts.revocation.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RevocationNewsTest {

    @Test
    void aTokenAndASessionSurviveTheTrip() {
        RevocationNews token = RevocationNews.token("4f1c2a9e-jti", 1_795_000_000L);
        RevocationNews session = RevocationNews.session("session id with spaces", 1_794_999_000L);
        assertEquals("t 1795000000 4f1c2a9e-jti", token.encode());
        assertEquals(Optional.of(token), RevocationNews.decode(token.encode()));
        assertEquals(Optional.of(session), RevocationNews.decode(session.encode()));
    }

    @Test
    void anythingElseIsIgnored() {
        for (String text : new String[] {null, "", "t", "t 12", "t 12 ", "x 12 jti", "t twelve jti", "t 1e3 jti"}) {
            assertEquals(Optional.empty(), RevocationNews.decode(text), String.valueOf(text));
        }
    }
}
