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

    @Test
    void aKeyIsNeverLongerThanTheColumnsThatHoldIt() {
        // lower-casing U+0130 gives two chars: 200 of them are a 406-char key
        String dotted = "\u0130".repeat(200) + "@x.com";
        String key = EmailAddresses.key(dotted);
        assertTrue(key.length() <= EmailAddresses.MAX_LENGTH, key);
        assertTrue(key.startsWith("sha-256:") && !key.contains("@"), key);
        assertEquals(key, EmailAddresses.key(" " + dotted), "still the same key for the same address");
        assertFalse(key.equals(EmailAddresses.key("\u0130".repeat(201) + "@x.com")));
        assertEquals("a".repeat(248) + "@x.co", EmailAddresses.key("A".repeat(248) + "@x.co"), "a key that fits is unchanged");
    }

    @Test
    void anAddressWhoseStoredFormOrKeyWouldNotFitIsRefused() {
        String local = "a".repeat(60);
        // a label of 24 "é" is 30 ASCII characters as punycode: 239 characters as typed, a key of 281
        String label = "\u00e9".repeat(24);
        String domain = String.join(".", label, label, label, label, label, label, label) + ".com";
        String address = local + "@" + domain;
        assertTrue(address.length() <= EmailAddresses.MAX_LENGTH, "as typed, it fits: " + address.length());
        assertTrue(EmailAddresses.key(address).startsWith("sha-256:"));
        assertFalse(EmailAddresses.isValid(address));
        assertTrue(EmailAddresses.isValid(local + "@" + String.join(".", label, label) + ".com"));
    }
}
