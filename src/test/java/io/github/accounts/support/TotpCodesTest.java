package io.github.accounts.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tests' TOTP against RFC 6238's SHA-1 vectors (the last six of their eight digits). */
class TotpCodesTest {

    /** "12345678901234567890" in Base32. */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void matchesTheRfcVectors(long time, String expected) {
        assertEquals(expected, TotpCodes.at(RFC_SECRET, time));
    }
}
