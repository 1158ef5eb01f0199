package io.github.accounts.tokens.control;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncryptionTest {

    static String randomKey() {
        byte[] bytes = new byte[KeyEncryption.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static final String JWK = "{\"kty\":\"RSA\",\"d\":\"secret\"}";

    @Test
    void sealedKeysOpenOnlyWithTheirKey() {
        KeyEncryption encryption = KeyEncryption.of(Optional.of(randomKey()));
        String sealed = encryption.seal(JWK);
        assertTrue(KeyEncryption.isSealed(sealed));
        assertFalse(sealed.contains("secret"));
        assertNotEquals(sealed, encryption.seal(JWK), "a fresh IV each time");
        assertEquals(JWK, encryption.open(sealed));
        assertThrows(IllegalStateException.class, () -> KeyEncryption.of(Optional.of(randomKey())).open(sealed));
        assertThrows(IllegalStateException.class, () -> KeyEncryption.of(Optional.empty()).open(sealed));
    }

    @Test
    void withoutAKeyValuesStayAsTheyAreAndOldPlainValuesStillOpen() {
        KeyEncryption none = KeyEncryption.of(Optional.of(" "));
        assertFalse(none.isEnabled());
        assertEquals(JWK, none.seal(JWK));
        assertEquals(JWK, KeyEncryption.of(Optional.of(randomKey())).open(JWK));
    }

    @Test
    void aKeyOfTheWrongSizeStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> KeyEncryption.of(Optional.of("c2hvcnQ=")));
        assertThrows(IllegalStateException.class, () -> KeyEncryption.of(Optional.of("not base64!")));
    }
}
