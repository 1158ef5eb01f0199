package io.github.accounts.factors.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final long T = 1_111_111_111L;

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void makesRfc6238Codes(long time, String expected) {
        assertEquals(expected, Totp.code(RFC_KEY, Totp.step(time)));
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSide() {
        long now = Totp.step(T);
        assertEquals(OptionalLong.of(now), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now), T, null));
        assertEquals(OptionalLong.of(now - 1), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now - 1), T, null));
        assertEquals(OptionalLong.of(now + 1), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now + 1), T, null));
    }

    @Test
    void refusesCodesTwoStepsAway() {
        long now = Totp.step(T);
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now - 2), T, null));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now + 2), T, null));
    }

    @Test
    void refusesAStepNotLaterThanTheLastAccepted() {
        long now = Totp.step(T);
        String code = Totp.code(RFC_KEY, now);
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, code, T, now));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now - 1), T, now));
        assertEquals(OptionalLong.of(now + 1), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_KEY, now + 1), T, now));
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        String code = Totp.code(RFC_KEY, Totp.step(T));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, code.substring(1), T, null));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, code + "0", T, null));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, "abcdef", T, null));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_SECRET, null, T, null));
        assertEquals(OptionalLong.of(Totp.step(T)), Totp.matchingStep(RFC_SECRET, " " + code + " ", T, null));
    }

    @Test
    void newSecretsAre160BitsOfBase32() {
        String secret = Totp.newSecret();
        assertEquals(32, secret.length());
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals(Totp.SECRET_BYTES, Totp.decode(secret).length);
        assertTrue(!secret.equals(Totp.newSecret()));
    }

    @Test
    void otpauthUriNamesIssuerAccountAndParameters() {
        assertEquals("otpauth://totp/My%20Accounts:kim%40example.com?secret=" + RFC_SECRET
                        + "&issuer=My%20Accounts&algorithm=SHA1&digits=6&period=30",
                Totp.uri("My Accounts", "kim@example.com", RFC_SECRET));
    }
}
