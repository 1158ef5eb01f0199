package io.github.accounts.web.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicUrlTest {

    @Test
    void httpsAnywhereHttpOnlyOnLoopback() {
        assertEquals("https://login.example.com", PublicUrl.parse("https://login.example.com/"));
        assertEquals("http://127.0.0.1:8080", PublicUrl.parse("http://127.0.0.1:8080"));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("http://login.example.com"));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("accounts"));
        assertThrows(IllegalStateException.class, () -> PublicUrl.parse("https://login.example.com/?a=b"));
    }

    @Test
    void theIssuerIsThePublicUrlItself() {
        assertDoesNotThrow(() -> PublicUrl.checkIssuer("https://login.example.com", "https://login.example.com"));
        assertThrows(IllegalStateException.class, () -> PublicUrl.checkIssuer("accounts", "https://login.example.com"));
        assertThrows(IllegalStateException.class, () -> PublicUrl.checkIssuer("https://login.example.com/", "https://login.example.com"));
        assertThrows(IllegalStateException.class, () -> PublicUrl.checkIssuer("https://other.example.com", "https://login.example.com"));
    }
}
