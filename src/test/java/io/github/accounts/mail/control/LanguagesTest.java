package io.github.accounts.mail.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguagesTest {

    @Test
    void theHighestWeightedSupportedLanguageWins() {
        assertEquals("ko", Languages.fromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8"));
        assertEquals("en", Languages.fromAcceptLanguage("en-US,en;q=0.9,ko;q=0.8"));
        assertEquals("ko", Languages.fromAcceptLanguage("en;q=0.2, ko;q=0.7"));
        assertEquals("ko", Languages.fromAcceptLanguage("fr-FR, ko;q=0.5"));
    }

    @Test
    void englishWhenNothingSupportedOrReadableIsAskedFor() {
        assertEquals("en", Languages.fromAcceptLanguage(null));
        assertEquals("en", Languages.fromAcceptLanguage(""));
        assertEquals("en", Languages.fromAcceptLanguage("fr, de;q=0.5"));
        assertEquals("en", Languages.fromAcceptLanguage(";;;q=x"));
        assertEquals("en", Languages.fromAcceptLanguage("ko".repeat(600)));
    }

    @Test
    void aStoredLanguageIsTrustedOnlyWhenSupported() {
        assertEquals("ko", Languages.known("ko"));
        assertEquals("en", Languages.known("fr"));
        assertEquals("en", Languages.known(null));
    }
}
