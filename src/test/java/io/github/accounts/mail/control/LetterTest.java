package io.github.accounts.mail.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LetterTest {

    @Test
    void theHtmlEscapesEveryTextAndHasNoRemoteContent() {
        Letter letter = Letters.verification("en", "<script>alert(1)</script>", "https://accounts.example/#verify-email=abc", "123456", 1440);
        String html = letter.html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("src="), html);
        assertTrue(html.contains("href=\"https://accounts.example/#verify-email=abc\""), html);
    }

    @Test
    void textAndHtmlCarryTheSameLinkAndCodeInTheUsersLanguage() {
        Letter korean = Letters.verification("ko", "홍길동", "https://accounts.example/#verify-email=abc", "123456", 1440);
        assertTrue(korean.subject().contains("이메일"), korean.subject());
        for (String body : new String[] {korean.text(), korean.html()}) {
            assertTrue(body.contains("홍길동"), body);
            assertTrue(body.contains("https://accounts.example/#verify-email=abc"), body);
            assertTrue(body.contains("123456"), body);
            assertTrue(body.contains("1440분"), body);
        }
        assertTrue(Letters.verification("en", "Hong", "l", "c", 60).text().contains("valid for 60 minutes"));
    }
}
