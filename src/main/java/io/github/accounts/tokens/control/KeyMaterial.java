package io.github.accounts.tokens.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

/** Makes and reads RS256 signing keys. */
public final class KeyMaterial {

    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    /** The PEM block label of an unencrypted PKCS#8 private key. */
    static final String PEM_LABEL = "PRIVATE KEY";
    static final String PEM_BEGIN = "-----BEGIN " + PEM_LABEL + "-----";
    static final int RSA_BITS = 2048;

    private KeyMaterial() {
    }

    /** A new RSA key pair whose kid is its RFC 7638 thumbprint. */
    public static RSAKey generate() {
        try {
            return withThumbprintKid(new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /**
     * The key given as PEM in configuration: an unencrypted PKCS#8 RSA private key (a {@value #PEM_LABEL}
     * block); the public key is derived from it.
     */
    public static RSAKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) " + PEM_LABEL + "-----", "").replaceAll("\\s", "");
        if (!pem.contains(PEM_BEGIN) || base64.isEmpty()) {
            throw new IllegalArgumentException("JWT_SIGNING_KEY must be an unencrypted PKCS#8 RSA private key in PEM (a "
                    + PEM_LABEL + " block)");
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (privateKey.getModulus().bitLength() < RSA_BITS) {
                throw new IllegalArgumentException("JWT_SIGNING_KEY must be an RSA key of at least " + RSA_BITS + " bits");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return withThumbprintKid(new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM).build());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("JWT_SIGNING_KEY is not a readable PKCS#8 RSA private key", e);
        }
    }

    public static RSAKey parse(String jwkJson) {
        try {
            return JWK.parse(jwkJson).toRSAKey();
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }

    private static RSAKey withThumbprintKid(RSAKey key) throws JOSEException {
        return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    }
}
