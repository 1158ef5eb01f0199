package io.github.accounts.passkeys.control;

import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A passkey's EC public key must be a point on its curve. */
class WebAuthnTest {

    @Test
    void aRealP256KeyIsOnItsCurveAndAMadeUpPointIsNot() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey real = (ECPublicKey) generator.generateKeyPair().getPublic();
        assertTrue(WebAuthn.onCurve(EC2COSEKey.create(real, COSEAlgorithmIdentifier.ES256)));

        byte[] x = new byte[32];
        byte[] y = new byte[32];
        x[31] = 1;
        y[31] = 1;
        assertFalse(WebAuthn.onCurve(new EC2COSEKey(null, COSEAlgorithmIdentifier.ES256, null, Curve.SECP256R1, x, y)));
    }
}
