package io.github.accounts.users.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@example.com", "o'brien@example.ie", "abc@naver.com",
            "user@sub.domain.example", "用户@例子.广告", "x@xn--9t4b11yi5a.com", "a@b-c.de"})
    void acceptsRealAddresses(String address) {
        assertTrue(EmailAddresses.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "@b.co", "a@", "a@@b.co", "a b@c.co", "a@b c.co", ".a@b.co", "a.@b.co",
            "a..b@c.co", "a@-b.co", "a@b-.co", "a@b..co", "a@b.c", "a@b.123", "a@.b.co", "a\u0000@b.co", "a\n@b.co",
            "\"quoted\"@b.co", "a@[127.0.0.1]"})
    void refusesWhatIsNotAnAddress(String address) {
        assertFalse(EmailAddresses.isValid(address), address);
    }

    @Test
    void refusesOverlongAddresses() {
        assertFalse(EmailAddresses.isValid("a".repeat(65) + "@b.co"));
        assertTrue(EmailAddresses.isValid("a".repeat(64) + "@b.co"));
        assertFalse(EmailAddresses.isValid("a@" + "b".repeat(250) + ".co"));
    }

    @Test
    void canonicalFormKeepsTheLocalPartAndLowerCasesTheDomain() {
        assertEquals(Optional.of("Bob.Smith@example.org"), EmailAddresses.canonical("  Bob.Smith@Example.ORG "));
    }

    @Test
    void keyComparesCaseInsensitivelyAndInAscii() {
        assertEquals("bob.smith@example.org", EmailAddresses.key("Bob.Smith@Example.org"));
        assertEquals(EmailAddresses.key("user@bücher.de"), EmailAddresses.key("USER@xn--bcher-kva.de"));
        assertEquals("not-an-address", EmailAddresses.key(" Not-An-Address "));
    }
}
