package io.github.accounts.tokens;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Http;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.ResourceServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JWT attack matrix. The node signs with a key the test made and hands it in {@code JWT_SIGNING_KEY},
 * so the test can also mint tokens that are correctly signed but wrong in one claim. The database plays no part in
 * these checks: the MariaDB run leaves the class out.
 */
@Tag("database-agnostic")
class TokenAttacksIT {

    static final String PASSWORD = "correct horse battery";
    static RSAKey serviceKey;
    /** The service, and beside it a resource server that trusts our JWKS and issuer for the audience "accounts". */
    static MicroServer node;
    static Http http;
    static String email;
    static String userId;

    @BeforeAll
    static void start() throws Exception {
        serviceKey = new RSAKeyGenerator(2048).keyID("test").generate();
        String pem = Jwt.privateKeyPem(serviceKey);
        node = ResourceServers.beside(MicroServer.fresh("attacks", Map.of("JWT_SIGNING_KEY", pem, "PUBLIC_URL", "https://accounts.test")),
                "https://accounts.test", "accounts").start();
        http = node.http();
        email = uniqueEmail("attacked");
        Reply registered = http.register("victim", email, PASSWORD);
        assertEquals(201, registered.status(), registered::toString);
        userId = SignedJWT.parse(registered.token()).getJWTClaimsSet().getSubject();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** The kid the service gives its configured key: taken from a token it issued. */
    static String serviceKid() throws Exception {
        return SignedJWT.parse(http.login(email, PASSWORD).token()).getHeader().getKeyID();
    }

    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://accounts.test")
                .audience("accounts")
                .subject(userId)
                .claim("upn", email)
                .claim("groups", List.of("user"))
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
        return Jwt.sign(key, kid, claims);
    }

    static void assertRefused(String token) {
        Jwt.assertRefused(http, token);
    }

    @Test
    void aCorrectlyMintedTokenIsAccepted() throws Exception {
        // the control case: every refusal below differs from this token in one respect only
        Reply reply = http.me(sign(serviceKey, serviceKid(), validClaims().build()));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(email, reply.json().getString("email"));
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefusedHereAndByTheResourceServer() throws Exception {
        String ours = sign(serviceKey, serviceKid(), validClaims().build());
        assertEquals(200, greet(ours).status(), "the control case");
        assertEquals("\"accounts\"", Jwt.claims(http.login(email, PASSWORD).token()).get("aud").toString(),
                "issued tokens carry the audience");

        String forOrders = sign(serviceKey, serviceKid(), validClaims().audience("orders").build());
        assertRefused(forOrders);
        assertEquals(401, greet(forOrders).status());
        // our identity store refuses a token without aud; the server's own MicroProfile JWT store, asked next,
        // would accept it (it is configured with no audience): refused means refused
        String forNobody = sign(serviceKey, serviceKid(), validClaims().audience((String) null).build());
        assertRefused(forNobody);
        assertEquals(401, greet(forNobody).status());
    }

    @Test
    void aTokenWithoutTypOrWithCritIsRefusedOnEveryPath() throws Exception {
        SignedJWT untyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(serviceKid()).build(), validClaims().build());
        untyped.sign(new RSASSASigner(serviceKey));
        assertRefused(untyped.serialize());
        SignedJWT critical = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(serviceKid())
                .criticalParams(java.util.Set.of("exp")).build(), validClaims().build());
        critical.sign(new RSASSASigner(serviceKey));
        assertRefused(critical.serialize());
    }

    static Reply greet(String token) {
        return http.send(http.request(ResourceServers.GREETINGS).header("Authorization", "Bearer " + token).GET().build());
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(sign(serviceKey, serviceKid(), validClaims()
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build()));
    }

    @Test
    void aWrongIssuerIsRefusedEvenBeforeExpiry() throws Exception {
        assertRefused(sign(serviceKey, serviceKid(), validClaims().issuer("https://evil.test").build()));
    }

    @Test
    void tamperedTokensAreRefused() {
        String[] parts = http.login(email, PASSWORD).token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"admin\"]");
        assertTrue(claims.contains("admin"));
        assertRefused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        assertRefused(sign(attacker, serviceKid(), validClaims().build()));
        assertRefused(sign(attacker, "attacker-kid", validClaims().build()));
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(validClaims().build().toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(header + "." + claims + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(serviceKid()).build(),
                validClaims().build());
        jwt.sign(new MACSigner(serviceKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertRefused(jwt.serialize());
    }

    @Test
    void aKidThatIsNotOursIsRefusedEvenWithOurSignature() throws Exception {
        assertRefused(sign(serviceKey, "not-our-kid", validClaims().build()));
    }

    @Test
    void headersNamingAKeySourceAreRefusedEvenWithOurSignature() throws Exception {
        for (JWSHeader.Builder header : List.of(
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(java.net.URI.create("https://evil.test/jwks.json")),
                new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertURL(java.net.URI.create("https://evil.test/cert.pem")),
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(serviceKey.toPublicJWK()))) {
            SignedJWT jwt = new SignedJWT(header.type(JOSEObjectType.JWT).keyID(serviceKid()).build(), validClaims().build());
            jwt.sign(new RSASSASigner(serviceKey));
            assertRefused(jwt.serialize());
        }
    }

    @Test
    void aWrongTypIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(serviceKid()).build(), validClaims().build());
        jwt.sign(new RSASSASigner(serviceKey));
        assertRefused(jwt.serialize());
    }

    @Test
    void anotherAlgorithmThanOursIsRefused() throws Exception {
        com.nimbusds.jose.jwk.ECKey ec = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(serviceKid()).build(), validClaims().build());
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(ec));
        assertRefused(jwt.serialize());
    }

    @Test
    void revokedTokensAreRefused() {
        String token = http.login(email, PASSWORD).token();
        assertEquals(200, http.me(token).status());
        assertEquals(200, http.logout(token).status());
        assertRefused(token);
    }
}
