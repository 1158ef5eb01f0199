package io.github.accounts.users;

import io.github.accounts.support.Await;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.StandardNode;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password policy, the security headers, CORS and the audit log, over HTTP on the standard node. */
class CredentialsIT {

    static final String ORIGIN = StandardNode.ORIGIN;
    static MicroServer node;
    static Http http;

    @BeforeAll
    static void start() {
        node = StandardNode.node();
        http = node.http();
    }


    static String passwordRefusal(String username, String email, String password) {
        Reply reply = http.register(username, email, password);
        assertEquals(400, reply.status(), reply::toString);
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("password", error.getString("field"));
        return error.getString("message");
    }

    @Test
    void thePolicySaysWhichRuleAPasswordBreaks() {
        assertTrue(passwordRefusal("kim", uniqueEmail("common"), "Password1").startsWith("is too common"));
        assertTrue(passwordRefusal("kim", uniqueEmail("common"), "qwertyuiop").startsWith("is too common"));
        String email = uniqueEmail("self");
        assertEquals("must not contain your email address", passwordRefusal("kim", email, "my " + email.toUpperCase() + " pw"));
        assertEquals("must not contain your username", passwordRefusal("gildong", uniqueEmail("self"), "Gildong-rules-2026"));
        assertEquals("must be at least 8 characters", passwordRefusal("kim", uniqueEmail("short"), "x7#k"));
        assertEquals(201, http.register("kim", uniqueEmail("fine"), "plum orchard tuesday").status());
    }

    @Test
    void everyResponseSaysNoSniff() {
        List<Reply> replies = List.of(
                http.register("nosniff", uniqueEmail("nosniff"), "plum orchard tuesday"),
                http.post("/api/users/register", "{"),
                http.me(null),
                http.me("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
                http.send(http.request("/no/such/page").GET().build()),
                http.send(http.request("/api/no/such").GET().build()));
        for (Reply reply : replies) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
        }
    }

    @Test
    void pagesGetAStrictContentSecurityPolicy() {
        Reply page = http.send(http.request("/").GET().build());
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), String.valueOf(csp));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
    }

    @Test
    void corsAnswersOnlyTheListedOrigins() {
        Reply preflight = http.send(http.request("/api/users/login").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, preflight.status());
        assertEquals(ORIGIN, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        assertEquals("", preflight.body(), "a preflight has no body");

        Reply allowed = http.send(http.request("/api/users/me").header("Origin", ORIGIN).GET().build());
        assertEquals(ORIGIN, allowed.header("Access-Control-Allow-Origin"));

        Reply foreign = http.send(http.request("/api/users/login").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        assertEquals("", foreign.body());
    }

    static List<JsonObject> auditOf(long userId) {
        return node.auditOf(userId);
    }

    @Test
    void authenticationEventsAreAuditedWithoutSecrets() throws Exception {
        String email = uniqueEmail("audit");
        String password = "audit trail secret 42";
        Reply registered = http.register("audited", email, password);
        long id = registered.json().getJsonObject("user").getJsonNumber("id").longValue();
        assertEquals(401, http.login(email, "not " + password).status());
        String token = http.login(email, password).token();
        assertEquals(200, http.logout(token).status());

        // the node's console reaches its log file a moment after the response: wait (bounded) for the fourth event
        List<JsonObject> audit = Await.until(() -> auditOf(id), a -> a.size() >= 4);
        List<String> events = audit.stream().map(j -> j.getString("audit") + ":" + j.getString("outcome")).toList();
        assertEquals(List.of("register:success", "login:failure", "login:success", "logout:success"), events);
        assertTrue(audit.stream().allMatch(j -> j.getString("client_ip").equals("127.0.0.1")), audit::toString);

        String log = Files.readString(node.log(), StandardCharsets.UTF_8);
        assertFalse(log.contains(password), "the log holds a password");
        assertFalse(log.contains(token), "the log holds a token");
        assertFalse(log.contains(token.split("\\.")[2]), "the log holds a token signature");
    }

}
