package io.github.accounts.factors.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfTenCharactersWithADash() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(RecoveryCodes.COUNT, codes.size());
        assertEquals(RecoveryCodes.COUNT, new HashSet<>(codes).size());
        codes.forEach(code -> assertTrue(code.matches("[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}"), code));
    }

    @Test
    void typedInAnyCaseWithOrWithoutTheDash() {
        String code = RecoveryCodes.generate().get(0);
        String bare = code.replace("-", "").toUpperCase();
        assertTrue(RecoveryCodes.looksLikeOne(bare));
        assertEquals(RecoveryCodes.hash(code), RecoveryCodes.hash(" " + bare + " "));
        assertNotEquals(RecoveryCodes.hash(code), RecoveryCodes.hash(RecoveryCodes.generate().get(0)));
    }

    @Test
    void aTotpCodeIsNotARecoveryCode() {
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
        assertFalse(RecoveryCodes.looksLikeOne("abcde-fghij-k"));
        assertFalse(RecoveryCodes.looksLikeOne("abcde-fghi1"));
        assertFalse(RecoveryCodes.looksLikeOne(null));
    }

    @Test
    void storedAsSha256Hex() {
        assertTrue(RecoveryCodes.hash("abcde-fghjk").matches("[0-9a-f]{64}"));
    }
}
