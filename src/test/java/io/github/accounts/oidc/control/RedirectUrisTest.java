package io.github.accounts.oidc.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectUrisTest {

    static final List<String> REGISTERED = List.of("https://app.example.com/cb", "http://127.0.0.1:4711/native", "http://[::1]/v6");

    @Test
    void matchesExactlyOnly() {
        assertEquals(Optional.of("https://app.example.com/cb"), RedirectUris.match(REGISTERED, "https://app.example.com/cb"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "https://app.example.com/cb/"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "https://app.example.com/cb?x=1"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "https://APP.example.com/cb"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "https://app.example.com:8443/cb"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, null));
    }

    @Test
    void loopbackIpLiteralsMatchAnyPort() {
        assertEquals(Optional.of("http://127.0.0.1:4711/native"), RedirectUris.match(REGISTERED, "http://127.0.0.1:53124/native"));
        assertEquals(Optional.of("http://[::1]/v6"), RedirectUris.match(REGISTERED, "http://[::1]:9000/v6"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "http://127.0.0.1:53124/other"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "http://127.0.0.2:4711/native"));
        assertEquals(Optional.empty(), RedirectUris.match(REGISTERED, "https://127.0.0.1:4711/native"));
    }

    @Test
    void registrationRefusesWhatCannotBeMatchedSafely() {
        assertEquals(Optional.empty(), RedirectUris.refusal("https://app.example.com/cb"));
        assertEquals(Optional.empty(), RedirectUris.refusal("http://localhost:3000/cb"));
        assertEquals(Optional.empty(), RedirectUris.refusal("com.example.app:/callback"));
        assertTrue(RedirectUris.refusal("http://app.example.com/cb").isPresent());
        assertTrue(RedirectUris.refusal("https://app.example.com/cb#frag").isPresent());
        assertTrue(RedirectUris.refusal("https://*.example.com/cb").isPresent());
        assertTrue(RedirectUris.refusal("/relative").isPresent());
        assertTrue(RedirectUris.refusal("myapp:/cb").isPresent());
    }
}
