package io.github.accounts.tokens;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Await;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.ResourceServers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enterprise SSO: discovery, the JWKS, roles and admin endpoints, key rotation, introspection, and a separate
 * resource-server WAR on its own Payara Micro that trusts our tokens through the JWKS alone.
 */
class SsoIT {

    static final String PASSWORD = "correct horse battery";
    static final String ISSUER = "https://accounts.test";
    static final String CLIENT = "orders:" + UUID.randomUUID();
    static final String BOOTSTRAP_SECRET = "bootstrap-" + UUID.randomUUID() + UUID.randomUUID();
    static MicroServer service;
    static Http http;
    /** The resource server, on the service's node at {@link ResourceServers#CONTEXT_ROOT}. */
    static Http rs;
    static String adminEmail;
    static String userEmail;
    /** Listed in ADMIN_EMAILS, but only registered: never bootstrapped, its address never verified. */
    static String listedEmail;

    @BeforeAll
    static void start() {
        adminEmail = uniqueEmail("admin");
        listedEmail = uniqueEmail("listed");
        // this class is about roles, groups and keys: its admin logs in with a password alone, which is an explicit
        // relaxation (the second-factor rule for admins is StandardNode's and OpenIdProviderIT's)
        service = ResourceServers.beside(MicroServer.fresh("sso", Map.of("MFA_REQUIRED_FOR_ADMIN", "false", "ADMIN_EMAILS", listedEmail + ", " + adminEmail.toUpperCase(),
                "ADMIN_BOOTSTRAP_SECRET", BOOTSTRAP_SECRET, "PUBLIC_URL", ISSUER,
                "JWT_ISSUER", ISSUER, "JWT_KEY_PUBLISH_AHEAD", "4", "INTROSPECTION_CLIENTS", CLIENT)), ISSUER, "accounts").start();
        http = service.http();
        userEmail = uniqueEmail("user");
        Reply admin = http.register("admin", adminEmail, PASSWORD);
        assertEquals(201, admin.status());
        assertEquals(200, http.bootstrapAdmin(admin.token(), BOOTSTRAP_SECRET).status());
        assertEquals(201, http.register("user", userEmail, PASSWORD).status());
        rs = http;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static Reply get(Http on, String path, String token) {
        HttpRequest.Builder request = on.request(path).GET();
        return on.send(token == null ? request.build() : request.header("Authorization", "Bearer " + token).build());
    }

    static Reply post(String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static Reply introspect(String token, String credentials) {
        HttpRequest.Builder request = http.request("/api/oauth/introspect").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build());
    }

    static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void theJwksAndDiscoveryDescribeOurTokens() throws Exception {
        Reply jwks = get(http, "/.well-known/jwks.json", null);
        assertEquals(200, jwks.status());
        assertTrue(jwks.header("Cache-Control").matches("public, max-age=\\d+"), jwks.header("Cache-Control"));
        JWKSet keys = JWKSet.parse(jwks.body());
        assertFalse(keys.getKeys().isEmpty());
        for (JWK key : keys.getKeys()) {
            assertFalse(key.isPrivate(), "a private part is published");
            assertEquals("RS256", key.getAlgorithm().getName());
            assertEquals("sig", key.getKeyUse().identifier());
        }
        String token = http.login(userEmail, PASSWORD).token();
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new RSASSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())),
                "tokens verify against the published JWKS with a standard JOSE library");

        JsonObject configuration = get(http, "/.well-known/openid-configuration", null).json();
        assertEquals(ISSUER, configuration.getString("issuer"));
        assertEquals(jwt.getJWTClaimsSet().getIssuer(), configuration.getString("issuer"));
        assertEquals(ISSUER + "/.well-known/jwks.json", configuration.getString("jwks_uri"), "from PUBLIC_URL");
        assertEquals("max-age=31536000", jwks.header("Strict-Transport-Security"), "published over https");
        assertTrue(configuration.getJsonArray("id_token_signing_alg_values_supported").toString().contains("RS256"));
    }

    @Test
    void aResourceServerTrustsOurTokensAndEnforcesRoles() {
        String user = http.login(userEmail, PASSWORD).token();
        String admin = http.login(adminEmail, PASSWORD).token();
        assertEquals("hello " + userEmail, get(rs, ResourceServers.GREETINGS, user).body());
        assertEquals(403, get(rs, ResourceServers.ADMIN_GREETINGS, user).status());
        assertEquals("hello admin " + adminEmail, get(rs, ResourceServers.ADMIN_GREETINGS, admin).body());
        assertEquals(401, get(rs, ResourceServers.GREETINGS, null).status());
        assertEquals(401, get(rs, ResourceServers.GREETINGS, user.substring(0, user.length() - 4) + "AAAA").status());
    }

    @Test
    void aResourceServerCannotSeeLogoutsButIntrospectionCan() {
        String token = http.login(userEmail, PASSWORD).token();
        JsonObject active = introspect(token, CLIENT).json();
        assertTrue(active.getBoolean("active"), active::toString);
        assertEquals(userEmail, active.getString("username"));
        assertEquals("user", active.getString("scope"));
        assertEquals(200, http.logout(token).status());

        assertEquals(200, get(rs, ResourceServers.GREETINGS, token).status(), "a resource server only sees exp: hence short access tokens");
        assertEquals("{\"active\":false}", introspect(token, CLIENT).body());
        assertEquals("{\"active\":false}", introspect("garbage", CLIENT).body());
        assertEquals(401, introspect(token, CLIENT.split(":")[0] + ":wrong").status());
        assertEquals(401, introspect(token, null).status());
    }

    @Test
    void groupsComeFromRolesAndOnlyAdminsAdminister() throws Exception {
        String admin = http.login(adminEmail, PASSWORD).token();
        String user = http.login(userEmail, PASSWORD).token();
        assertEquals("[\"user\",\"admin\"]", io.github.accounts.support.Jwt.claims(admin).getJsonArray("groups").toString());
        assertEquals("[\"user\"]", io.github.accounts.support.Jwt.claims(user).getJsonArray("groups").toString());

        assertEquals(403, get(http, "/api/admin/users", user).status());
        Reply page = get(http, "/api/admin/users?page=0&size=1", admin);
        assertEquals(200, page.status(), page::toString);
        assertEquals(1, page.json().getJsonArray("items").size());
        assertTrue(page.json().getJsonNumber("total").longValue() >= 2);
        assertEquals(400, get(http, "/api/admin/users?size=1000", admin).status());
    }

    @Test
    void registeringAnAdminEmailMakesNoAdmin() throws Exception {
        Reply listed = http.register("listed", listedEmail, PASSWORD);
        assertEquals(201, listed.status(), listed::toString);
        assertEquals("[\"user\"]", io.github.accounts.support.Jwt.claims(listed.token()).getJsonArray("groups").toString());
        assertEquals(403, get(http, "/api/admin/users", listed.token()).status());
        String again = http.login(listedEmail, PASSWORD).token();
        assertEquals("[\"user\"]", io.github.accounts.support.Jwt.claims(again).getJsonArray("groups").toString());

        assertProblem(403, "urn:accounts:problem:bootstrap-refused", http.bootstrapAdmin(again, "wrong-" + BOOTSTRAP_SECRET));
        // a bootstrap secret makes one admin, and it made one at startup
        assertProblem(403, "urn:accounts:problem:bootstrap-refused", http.bootstrapAdmin(again, BOOTSTRAP_SECRET));
        String user = http.login(userEmail, PASSWORD).token();
        assertProblem(403, "urn:accounts:problem:bootstrap-refused", http.bootstrapAdmin(user, BOOTSTRAP_SECRET));
        assertEquals(401, http.bootstrapAdmin(null, BOOTSTRAP_SECRET).status());
        assertEquals(403, get(http, "/api/admin/users", http.login(listedEmail, PASSWORD).token()).status());
    }

    @Test
    void theLastEnabledAdminCannotBeDisabled() {
        String admin = http.login(adminEmail, PASSWORD).token();
        long id = Long.parseLong(io.github.accounts.support.Jwt.claims(admin).getString("sub"));
        assertProblem(409, "urn:accounts:problem:last-admin", post("/api/admin/users/" + id + "/disable", admin));
        assertEquals(200, http.me(admin).status());
    }

    @Test
    void aDisabledUserLosesEverySessionAtOnceAndCannotLogIn() {
        String email = uniqueEmail("disabled");
        Reply registered = http.register("disabled", email, PASSWORD);
        long id = registered.json().getJsonObject("user").getJsonNumber("id").longValue();
        String admin = http.login(adminEmail, PASSWORD).token();

        Reply disabled = post("/api/admin/users/" + id + "/disable", admin);
        assertEquals(200, disabled.status(), disabled::toString);
        assertTrue(disabled.json().getBoolean("disabled"));
        assertEquals(401, http.me(registered.token()).status());
        assertEquals(401, http.post("/api/tokens/refresh", "{\"refresh_token\":\"" + registered.json().getString("refresh_token") + "\"}").status());
        Reply login = http.login(email, PASSWORD);
        assertEquals(403, login.status(), login::toString);
        assertEquals(404, post("/api/admin/users/99999999/disable", admin).status());

        assertEquals(200, post("/api/admin/users/" + id + "/enable", admin).status());
        assertEquals(200, http.login(email, PASSWORD).status());
    }

    @Test
    void aRotatedKeySignsNewTokensWhileOldTokensStayValidEverywhere() throws Exception {
        String admin = http.login(adminEmail, PASSWORD).token();
        String old = http.login(userEmail, PASSWORD).token();
        assertEquals(403, post("/api/admin/keys/rotate", old).status());

        Reply rotation = post("/api/admin/keys/rotate", admin);
        assertEquals(202, rotation.status(), rotation::toString);
        String newKid = rotation.json().getString("kid");
        assertNotEquals(kid(old), newKid);
        Reply again = post("/api/admin/keys/rotate", admin);
        assertProblem(429, again);
        assertTrue(Long.parseLong(again.header("Retry-After")) > 0, again::toString);
        JWKSet published = JWKSet.parse(get(http, "/.well-known/jwks.json", null).body());
        assertTrue(published.getKeyByKeyId(newKid) != null && published.getKeyByKeyId(kid(old)) != null,
                "the new key is published before it signs, and the old one stays");

        String fresh = Await.until(() -> http.login(userEmail, PASSWORD).token(), t -> newKid.equals(safeKid(t)));
        assertEquals(newKid, kid(fresh));
        assertEquals(200, http.me(fresh).status());
        assertEquals(200, http.me(old).status());
        assertEquals(200, Await.until(() -> get(rs, ResourceServers.GREETINGS, fresh), r -> r.status() == 200).status());
        assertEquals(200, get(rs, ResourceServers.GREETINGS, old).status(), "tokens signed before the rotation stay valid");
    }

    static String safeKid(String token) {
        try {
            return kid(token);
        } catch (Exception e) {
            return null;
        }
    }
}
