package io.github.accounts.users;

import io.github.accounts.support.DeployedWar;
import io.github.accounts.support.Http;
import io.github.accounts.support.Problems;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.Jwt;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API and its error contract, over HTTP, against the built WAR on Payara Micro with the default settings. */
class AccountsApiIT extends DeployedWar {

    static final String PASSWORD = "correct horse battery";

    @Test
    void registerAnswersATokenAndTheUser() {
        String email = uniqueEmail("reg");
        Reply reply = http.register("alice", email, PASSWORD);

        assertEquals(201, reply.status(), reply::toString);
        JsonObject body = reply.json();
        assertEquals("success", body.getString("result"));
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(900, body.getInt("expires_in"));
        assertEquals("alice", body.getJsonObject("user").getString("username"));
        assertEquals(email, body.getJsonObject("user").getString("email"));
        assertTrue(body.getJsonObject("user").getJsonNumber("id").longValue() > 0);
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    /** The default PUBLIC_URL is plain http (a local trial): no Strict-Transport-Security then. */
    @Test
    void noStrictTransportSecurityWhenPublishedOverPlainHttp() {
        Reply reply = http.send(http.request("/.well-known/jwks.json").GET().build());
        assertEquals(200, reply.status());
        assertNull(reply.header("Strict-Transport-Security"));
    }

    @Test
    void accessTokensCarryTheClaimsMicroProfileJwtNeeds() {
        String email = uniqueEmail("claims");
        Reply reply = http.register("claims", email, PASSWORD);
        String token = reply.token();

        JsonObject header = Jwt.header(token);
        JsonObject claims = Jwt.claims(token);
        assertAll(
                () -> assertEquals("RS256", header.getString("alg")),
                () -> assertEquals("JWT", header.getString("typ")),
                () -> assertFalse(header.getString("kid").isBlank()),
                () -> assertEquals("http://localhost:8080", claims.getString("iss"), "the issuer is the default PUBLIC_URL"),
                () -> assertEquals(String.valueOf(reply.json().getJsonObject("user").getJsonNumber("id").longValue()), claims.getString("sub")),
                () -> assertEquals(email, claims.getString("upn")),
                () -> assertEquals("claims", claims.getString("preferred_username")),
                () -> assertEquals("[\"user\"]", claims.getJsonArray("groups").toString()),
                () -> assertFalse(claims.getString("jti").isBlank()),
                () -> assertEquals(reply.json().getInt("expires_in"), claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()));
    }

    @Test
    void loginIgnoresTheCaseOfTheEmailAndMeShowsTheProfile() {
        String email = uniqueEmail("Login");
        long id = http.register("홍길동", email, PASSWORD).json().getJsonObject("user").getJsonNumber("id").longValue();

        Reply login = http.login(email.toUpperCase(), PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals("no-store", login.header("Cache-Control"));
        assertEquals(id, login.json().getJsonObject("user").getJsonNumber("id").longValue());

        Reply me = http.me(login.token());
        assertEquals(200, me.status(), me::toString);
        JsonObject profile = me.json();
        assertEquals(id, profile.getJsonNumber("id").longValue());
        assertEquals("홍길동", profile.getString("username"));
        assertEquals(email, profile.getString("email"));
        assertTrue(profile.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), profile::toString);
    }

    @Test
    void usernamesAreTrimmedAndMayUseAnyScript() {
        Reply reply = http.register("  김철수  ", uniqueEmail("trim"), PASSWORD);
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("김철수", reply.json().getJsonObject("user").getString("username"));

        String fifty = "가".repeat(50);
        assertEquals(201, http.register(" " + fifty + " ", uniqueEmail("fifty"), PASSWORD).status());
        assertInvalid(http.register(fifty + "가", uniqueEmail("fiftyone"), PASSWORD), "username");
        assertInvalid(http.register("   ", uniqueEmail("blank"), PASSWORD), "username");
        assertInvalid(http.register("tab\tname", uniqueEmail("control"), PASSWORD), "username");
    }

    @Test
    void passwordsAreCheckedExactlyAsEntered() {
        assertInvalid(http.register("short", uniqueEmail("short"), "1234567"), "password");
        assertInvalid(http.register("long", uniqueEmail("long"), "x".repeat(129)), "password");
        assertEquals(201, http.register("max", uniqueEmail("max"), "x".repeat(128)).status());

        String email = uniqueEmail("spaces");
        assertEquals(201, http.register("spaces", email, "  pass word  ").status());
        assertEquals(401, http.login(email, "pass word").status());
        assertEquals(200, http.login(email, "  pass word  ").status());
    }

    @Test
    void aDuplicateEmailIsAConflictWhateverItsCase() {
        String email = uniqueEmail("dup");
        assertEquals(201, http.register("first", email, PASSWORD).status());

        Reply again = http.register("second", email.toUpperCase(), PASSWORD);
        assertProblem(409, again);
        assertEquals("This email is already registered", again.json().getString("error"));
    }

    @Test
    void twentyConcurrentRegistrationsOfOneEmailGiveOneAccount() throws Exception {
        String email = uniqueEmail("race");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String name = "racer" + i;
                Callable<Integer> register = () -> {
                    go.await();
                    // as a client should: a 503 (no core free to hash on in time) is tried again after its Retry-After
                    Reply reply = http.register(name, email, PASSWORD);
                    for (int tries = 0; reply.status() == 503 && tries < 20; tries++) {
                        java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(
                                Long.parseLong(reply.header("Retry-After"))));
                        reply = http.register(name, email, PASSWORD);
                    }
                    return reply.status();
                };
                replies.add(pool.submit(register));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> reply : replies) {
                byStatus.merge(reply.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(201, 1, 409, 19), byStatus);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, http.login(email, PASSWORD).status());
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String email = uniqueEmail("creds");
        http.register("creds", email, PASSWORD);

        Reply wrongPassword = http.login(email, PASSWORD + "!");
        Reply unknownEmail = http.login(uniqueEmail("nobody"), PASSWORD);
        assertProblem(401, wrongPassword);
        assertEquals(wrongPassword.status(), unknownEmail.status());
        assertEquals(wrongPassword.body(), unknownEmail.body());
    }

    @Test
    void logoutRevokesThatTokenOnly() {
        String email = uniqueEmail("logout");
        String first = http.register("logout", email, PASSWORD).token();
        String second = http.login(email, PASSWORD).token();

        Reply logout = http.logout(first);
        assertEquals(200, logout.status(), logout::toString);
        assertEquals("success", logout.json().getString("result"));

        assertProblem(401, http.me(first));
        assertProblem(401, http.logout(first));
        assertEquals(200, http.login(email, PASSWORD).status());
        assertProblem(401, http.me(first));
        assertEquals(200, http.me(second).status());
    }

    @Test
    void protectedEndpointsNeedAValidToken() {
        assertProblem(401, http.me(null));
        assertProblem(401, http.logout(null));
        assertProblem(401, http.me("not.a.jwt"));
        assertProblem(401, http.me("garbage"));
        Reply bad = http.me("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertProblem(401, bad);
        assertTrue(bad.header("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void missingFieldsAreNamed() {
        Reply reply = http.post("/api/users/register", "{}");
        assertProblem(400, reply);
        assertEquals("email: is required; password: is required; username: is required", reply.json().getString("detail"));
        assertEquals(3, reply.json().getJsonArray("errors").size());

        Reply login = http.post("/api/users/login", "{\"email\":\"a@b.co\"}");
        assertInvalid(login, "password");
    }

    @Test
    void invalidEmailsAreRefused() {
        for (String email : List.of("plain", "a@b", "a@@b.co", "a b@c.co", "a@-b.co", "@b.co", "a@b.c", ".a@b.co", "a@b..co")) {
            assertInvalid(http.register("mail", email, PASSWORD), "email");
        }
        assertInvalid(http.register("long", "a".repeat(250) + "@b.co", PASSWORD), "email");
    }

    @Test
    void malformedBodiesAreBadRequests() {
        for (String body : List.of("{\"email\":", "[]", "null", "42", "\"text\"", "", "{\"email\":1,\"password\":\"x\"}",
                "{\"email\":\"a@b.co\",\"password\":[\"x\"]}", "{\"email\":{},\"password\":true}")) {
            Reply reply = http.post("/api/users/login", body);
            assertProblem(400, reply);
        }
        Reply typed = http.post("/api/users/register", "{\"username\":5,\"email\":\"a@b.co\",\"password\":\"12345678\"}");
        assertInvalid(typed, "username");
        assertEquals("username: must be a string", typed.json().getString("detail"));
    }

    @Test
    void oversizedAndNonJsonBodiesAreRefused() {
        String big = "{\"email\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"x\"}";
        assertProblem(413, http.post("/api/users/login", big));
        assertProblem(413, http.send(http.request("/api/users/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))).build()));
        assertProblem(415, http.post("/api/users/login", "text/plain", "{}"));
        assertProblem(415, http.post("/api/users/login", "application/x-www-form-urlencoded", "email=a&password=b"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(404, http.send(http.request("/api/nothing").GET().build()));
        assertProblem(404, http.send(http.request("/nothing").GET().build()));
        assertProblem(405, http.send(http.request("/api/users/login").GET().build()));
    }

    static void assertInvalid(Reply reply, String field) {
        assertProblem(400, reply);
        assertTrue(reply.json().getJsonArray("errors").stream()
                .anyMatch(e -> field.equals(e.asJsonObject().getString("field"))), reply::toString);
    }

    static void assertProblem(int status, Reply reply) {
        Problems.assertProblem(status, reply);
    }
}
