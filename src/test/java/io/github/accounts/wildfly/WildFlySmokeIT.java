package io.github.accounts.wildfly;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Http;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.WildFlyServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
 * The same WAR on WildFly ({@code mvn -Pwildfly verify}): the API's smoke tests, and the JWT attack matrix, since
 * there WildFly's own MicroProfile JWT verifies every token. The node signs with a key the test made, so the test
 * can mint tokens correct in all but one respect.
 */
@Tag("wildfly")
class WildFlySmokeIT {

    static final String PASSWORD = "correct horse battery";
    static final String ISSUER = "https://accounts.wildfly.test";
    static RSAKey serviceKey;
    static WildFlyServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        serviceKey = new RSAKeyGenerator(2048).keyID("wildfly-test").generate();
        String pem = Jwt.privateKeyPem(serviceKey);
        server = WildFlyServer.fresh("smoke", Map.of("JWT_SIGNING_KEY", pem, "PUBLIC_URL", ISSUER)).start();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String registered(String email) {
        Reply reply = http.register("wildfly", email, PASSWORD);
        assertEquals(201, reply.status(), reply::toString);
        return reply.token();
    }

    static void assertRefused(String token) {
        Jwt.assertRefused(http, token);
    }

    @Test
    void registerLoginMeLogoutAndTheLoggedOutTokenIsRefused() {
        String email = uniqueEmail("wildfly");
        registered(email);

        Reply login = http.login(email, PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals("success", login.json().getString("result"));
        String token = login.token();

        Reply me = http.me(token);
        assertEquals(200, me.status(), me::toString);
        assertEquals(email, me.json().getString("email"));

        Reply logout = http.logout(token);
        assertEquals(200, logout.status(), logout::toString);
        assertEquals("success", logout.json().getString("result"));

        assertRefused(token);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        Reply reply = http.me(null);
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("Bearer", reply.header("WWW-Authenticate"));
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals(401, reply.json().getInt("status"));
    }

    @Test
    void aDuplicateEmailIs409AndBadInputIs400() {
        String email = uniqueEmail("twice");
        registered(email);
        Reply again = http.register("wildfly", email, PASSWORD);
        assertEquals(409, again.status(), again::toString);
        Reply broken = http.post("/api/users/register", "{\"username\":");
        assertEquals(400, broken.status(), broken::toString);
        assertEquals("application/problem+json", broken.header("Content-Type"));
    }

    @Test
    void theJwtAttackMatrixIsRefused() throws Exception {
        String email = uniqueEmail("attacked");
        String issued = registered(email);
        String userId = SignedJWT.parse(issued).getJWTClaimsSet().getSubject();
        String kid = SignedJWT.parse(issued).getHeader().getKeyID();
        Instant now = Instant.now();
        JWTClaimsSet valid = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience("accounts").subject(userId).claim("upn", email).claim("groups", List.of("user"))
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString()).build();

        // the control case: each refusal below differs from this token in one respect
        Reply control = http.me(sign(serviceKey, kid, valid, null));
        assertEquals(200, control.status(), control::toString);

        Instant past = now.minusSeconds(3600);
        assertRefused(sign(serviceKey, kid, new JWTClaimsSet.Builder(valid)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build(), null));
        assertRefused(sign(serviceKey, kid, new JWTClaimsSet.Builder(valid).issuer("https://evil.test").build(), null));
        // WildFly's own MicroProfile JWT is configured with no audience: our verifier refuses these all the same
        assertRefused(sign(serviceKey, kid, new JWTClaimsSet.Builder(valid).audience("orders").build(), null));
        assertRefused(sign(serviceKey, kid, new JWTClaimsSet.Builder(valid).audience((String) null).build(), null));
        assertRefused(sign(new RSAKeyGenerator(2048).generate(), kid, valid, null));
        // a key WildFly's MicroProfile JWT does not know: 401, not the 500 it answers by itself
        assertRefused(sign(new RSAKeyGenerator(2048).generate(), "attacker-kid", valid, null));
        assertRefused(sign(serviceKey, kid, valid, URI.create("https://evil.test/keys")));

        String[] parts = issued.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"admin\"]");
        assertTrue(claims.contains("admin"));
        assertRefused(parts[0] + "." + Base64URL.encode(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);

        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(valid.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        assertRefused(none);
    }

    @Test
    void healthIsServedOnWildFlysManagementPort() {
        Reply ready = server.management().send(server.management().request("/health/ready").GET().build());
        assertEquals(200, ready.status(), ready::toString);
        JsonObject database = ready.json().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> "database".equals(check.getString("name"))).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
    }

    static String sign(RSAKey key, String kid, JWTClaimsSet claims, URI jku) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .jwkURL(jku).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
