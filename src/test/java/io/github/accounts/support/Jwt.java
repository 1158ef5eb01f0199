package io.github.accounts.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the parts of a compact JWS, without verifying anything; and mints tokens as an attacker (or the test) would. */
public final class Jwt {

    private Jwt() {
    }

    public static JsonObject header(String token) {
        return part(token, 0);
    }

    public static JsonObject claims(String token) {
        return part(token, 1);
    }

    /** An RS256 token with {@code kid} in its header, signed by {@code key}. */
    public static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The private key as {@code JWT_SIGNING_KEY} takes it: PKCS#8 PEM. */
    public static String privateKeyPem(RSAKey key) throws JOSEException {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A 401 problem answer to {@code GET /api/users/me} with the token. */
    public static void assertRefused(Http http, String token) {
        Http.Reply reply = http.me(token);
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
        assertEquals("fail", reply.json().getString("result"));
    }

    private static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
