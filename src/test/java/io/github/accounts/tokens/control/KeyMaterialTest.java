package io.github.accounts.tokens.control;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyMaterialTest {

    static String pem(RSAKey key) throws Exception {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void generatedKeysAreRs256SigningKeysNamedByTheirThumbprint() throws Exception {
        RSAKey key = KeyMaterial.generate();
        assertTrue(key.isPrivate());
        assertEquals("RS256", key.getAlgorithm().getName());
        assertEquals("sig", key.getKeyUse().identifier());
        assertEquals(key.computeThumbprint().toString(), key.getKeyID());
        assertEquals(2048, key.size());
    }

    @Test
    void aPemPrivateKeyGivesThePairAndTheSameKidEveryTime() throws Exception {
        RSAKey original = new RSAKeyGenerator(2048).generate();
        RSAKey read = KeyMaterial.fromPem(pem(original));
        assertEquals(original.toRSAPublicKey(), read.toRSAPublicKey());
        assertEquals(read.getKeyID(), KeyMaterial.fromPem(pem(original)).getKeyID());
        assertEquals(original.computeThumbprint().toString(), read.getKeyID());
    }

    @Test
    void storedKeysRoundTripAsJwkWithoutLosingThePrivatePart() {
        RSAKey key = KeyMaterial.generate();
        RSAKey parsed = KeyMaterial.parse(key.toJSONString());
        assertEquals(key, parsed);
        assertFalse(key.toPublicJWK().toJSONString().contains("\"d\""));
    }

    @Test
    void unusableKeysStopTheStartWithAClearMessage() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.fromPem("not a key"));
        assertThrows(IllegalArgumentException.class, () -> KeyMaterial.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> KeyMaterial.fromPem(pem(new RSAKeyGenerator(1024, true).generate())));
        assertTrue(small.getMessage().contains("2048"), small.getMessage());
    }
}
