package io.github.accounts;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.StandardNode;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input of every endpoint — each JSON field, query and path parameter, form field and header — gets hostile
 * values: over-long strings, strings that grow when normalized, 5,000-deep nesting, a 5,000-digit number, the
 * wrong JSON type, a key twice. The answer is always a 4xx in problem JSON, never a 5xx, never repeats the
 * attacker's text, and the server never logs that text at SEVERE. Also: OPTIONS answers without a body, and
 * personal data is never cacheable.
 */
class InputBoundsIT {

    /** In every hostile string, so that responses and the server log can be searched for it. */
    static final String MARKER = "ZqHostile";
    static final String PASSWORD = "correct horse battery";
    static final String ADMIN = StandardNode.ADMIN;
    static final String CLIENT = StandardNode.INTROSPECTION_CLIENT + ":" + StandardNode.INTROSPECTION_SECRET;
    static final String ORIGIN = StandardNode.ORIGIN;

    static MicroServer node;
    static Http http;
    static String userToken;
    static String adminToken;
    static long userId;

    @BeforeAll
    static void start() {
        node = StandardNode.node();
        http = node.http();
        adminToken = StandardNode.adminToken();
        Reply user = http.register("user", uniqueEmail("bounds"), PASSWORD);
        assertEquals(201, user.status(), user::toString);
        userToken = user.token();
        userId = user.json().getJsonObject("user").getJsonNumber("id").longValue();
    }


    /** A hostile value of a JSON field, as JSON text; {@code strict}: every field must answer it with 400. */
    record Hostile(String name, String json, boolean strict) {
    }

    static List<Hostile> hostileValues() {
        String label = "\u00e9".repeat(24);
        return List.of(
                // just over the email column (254): today's 500 at login
                new Hostile("300-character string", quote(MARKER + "a".repeat(300 - MARKER.length() - 6) + "@x.com"), false),
                new Hostile("6,000-character string", quote(MARKER + "a".repeat(6_000) + "@example.com"), true),
                // 206 characters, but 406 once lower-cased (U+0130 lower-cases to two chars)
                new Hostile("string that grows when lower-cased", quote(MARKER + "\u0130".repeat(200) + "@x.com"), false),
                // 237 characters as typed, a key of 279 with the domain in ASCII (punycode)
                new Hostile("address whose key outgrows the column", quote(MARKER + "a".repeat(50) + "@"
                        + String.join(".", label, label, label, label, label, label, label) + ".com"), false),
                new Hostile("5,000-deep arrays", "[".repeat(5_000) + quote(MARKER) + "]".repeat(5_000), true),
                new Hostile("5,000-deep objects", "{\"a\":".repeat(5_000) + quote(MARKER) + "}".repeat(5_000), true),
                new Hostile("5,000-digit number", "9".repeat(5_000), true),
                new Hostile("5,000-digit fraction", "0." + "1".repeat(5_000), true),
                new Hostile("number", "1", true),
                new Hostile("huge exponent", "1e999999999", true),
                new Hostile("array", "[" + quote(MARKER) + "]", true),
                new Hostile("object", "{\"x\":" + quote(MARKER) + "}", true),
                new Hostile("true", "true", true),
                new Hostile("false", "false", true),
                new Hostile("null", "null", true),
                new Hostile("empty string", "\"\"", true));
    }

    /** An endpoint taking a JSON body, and a valid-looking value (as JSON text) for each of its fields. */
    record Endpoint(String method, String path, boolean bearer, Map<String, String> fields) {
    }

    static List<Endpoint> jsonEndpoints() {
        return List.of(
                new Endpoint("POST", "/api/users/register", false, fields("username", quote("bounds"),
                        "email", quote(uniqueEmail("bounds-new")), "password", quote("a fresh passphrase 9"))),
                new Endpoint("POST", "/api/users/login", false, fields("email", quote(uniqueEmail("bounds-unknown")),
                        "password", quote("not the password"))),
                new Endpoint("POST", "/api/tokens/refresh", false, fields("refresh_token", quote("not-a-refresh-token"))),
                new Endpoint("PUT", "/api/users/me/password", true, fields("current_password", quote(PASSWORD),
                        "new_password", quote("a brand new passphrase 3"))),
                new Endpoint("POST", "/api/admin/bootstrap", true, fields("secret", quote("not the secret"))),
                new Endpoint("POST", "/api/users/email-verification", false, fields("token", quote("not-a-verification-token"))),
                new Endpoint("POST", "/api/users/me/email-verification", true, fields("code", quote("000000"))),
                new Endpoint("POST", "/api/users/password-reset", false, fields("email", quote(uniqueEmail("bounds-reset")))),
                new Endpoint("POST", "/api/users/password-reset/complete", false, fields("token", quote("not-a-reset-token"),
                        "new_password", quote("a brand new passphrase 4"))),
                new Endpoint("POST", "/api/users/email-verification/resend", false, fields("email", quote(uniqueEmail("bounds-resend")))),
                new Endpoint("POST", "/api/users/email-verification/code", false, fields("email", quote(uniqueEmail("bounds-code")),
                        "code", quote("000000"))),
                new Endpoint("POST", "/api/users/me/email/confirm", false, fields("token", quote("not-an-email-change-token"))),
                new Endpoint("POST", "/api/users/me/email/undo", false, fields("token", quote("not-an-undo-token"))),
                new Endpoint("POST", "/users/register", false, fields("username", quote("bounds"),
                        "email", quote(uniqueEmail("bounds-flask")), "password", quote("a fresh passphrase 9"))),
                new Endpoint("POST", "/users/login", false, fields("email", quote(uniqueEmail("bounds-flask-unknown")),
                        "password", quote("not the password"))));
    }

    @Test
    void everyJsonFieldRefusesHostileValuesWithAProblem() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : jsonEndpoints()) {
            for (String field : endpoint.fields().keySet()) {
                for (Hostile hostile : hostileValues()) {
                    Map<String, String> body = new LinkedHashMap<>(endpoint.fields());
                    body.put(field, hostile.json());
                    Reply reply = send(endpoint, object(body));
                    sent++;
                    String what = endpoint.method() + " " + endpoint.path() + " " + field + " = " + hostile.name();
                    check(what, reply, hostile.strict() ? 400 : 0).ifPresent(failures::add);
                }
                // the field twice: refused, not read last-wins
                String twice = "{" + quote(field) + ":" + endpoint.fields().get(field) + "," + object(endpoint.fields()).substring(1);
                check(endpoint.path() + " " + field + " twice", send(endpoint, twice), 400).ifPresent(failures::add);
                sent++;
            }
        }
        assertEquals(jsonEndpoints().stream().mapToInt(e -> e.fields().size()).sum() * (hostileValues().size() + 1), sent,
                "every field of every endpoint was tried");
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
        assertEquals(200, http.me(userToken).status(), "no hostile password change took effect on the session");
        assertEquals(200, http.login(http.me(userToken).json().getString("email"), PASSWORD).status(),
                "the password is unchanged");
        assertLogHoldsNoAttackerTextAtSevere();
    }

    @Test
    void theReviewsCasesAre400NotServerErrors() {
        String longEmail = "a".repeat(294) + "@x.com";
        Reply login = http.post("/api/users/login", "{\"email\":\"" + longEmail + "\",\"password\":\"x\"}");
        assertEquals(400, login.status(), login::toString);
        assertEquals("email", login.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply deep = http.post("/api/users/login", "{\"email\":" + "[".repeat(5_000) + "]".repeat(5_000) + ",\"password\":\"x\"}");
        assertEquals(400, deep.status(), deep::toString);
        Reply number = http.post("/api/users/register", "{\"username\":" + "9".repeat(5_000)
                + ",\"email\":\"" + uniqueEmail("n") + "\",\"password\":\"a fresh passphrase 9\"}");
        assertEquals(400, number.status(), number::toString);
        String email = uniqueEmail("twice");
        Reply twice = http.post("/api/users/register", "{\"username\":\"one\",\"email\":\"" + email
                + "\",\"password\":\"a fresh passphrase 9\",\"username\":\"two\"}");
        assertEquals(400, twice.status(), twice::toString);
        assertEquals("username: is given more than once", twice.json().getString("detail"));
        assertEquals(401, http.login(email, "a fresh passphrase 9").status(), "nobody was registered");
        Reply change = http.send(http.request("/api/users/me/password").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + userToken)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"current_password\":\"" + "p".repeat(3_000) + "\",\"new_password\":\"x\"}")).build());
        assertEquals(400, change.status(), change::toString);
        assertEquals("current_password: is too long", change.json().getString("detail"), "named as the client sent it");
        // the password-guarded endpoints of email change and deletion: over-long fields are 400s, and nothing changes
        Reply emailChange = http.send(http.request("/api/users/me/email").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + userToken).PUT(HttpRequest.BodyPublishers.ofString("{\"current_password\":\""
                        + PASSWORD + "\",\"new_email\":\"" + "a".repeat(300) + "@x.com\"}")).build());
        assertEquals(400, emailChange.status(), emailChange::toString);
        assertEquals("new_email", emailChange.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply delete = http.send(http.request("/api/users/me").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + userToken).method("DELETE", HttpRequest.BodyPublishers.ofString(
                        "{\"current_password\":\"" + "p".repeat(3_000) + "\"}")).build());
        assertEquals(400, delete.status(), delete::toString);
        assertEquals("current_password: is too long", delete.json().getString("detail"));
        Reply deleteTwice = http.send(http.request("/api/users/me").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + userToken).method("DELETE", HttpRequest.BodyPublishers.ofString(
                        "{\"current_password\":\"" + PASSWORD + "\",\"current_password\":\"" + PASSWORD + "\"}")).build());
        assertEquals(400, deleteTwice.status(), deleteTwice::toString);
        assertEquals(200, http.me(userToken).status(), "the account is still there");
    }

    @Test
    void queryPathAndFormParametersRefuseHostileValues() {
        List<String> failures = new ArrayList<>();
        String longText = MARKER + "x".repeat(6_000);
        List<String> notNumbers = List.of("9".repeat(5_000), "abc", "-1", "1e3", "1.5", "2147483648", "-2147483649", "", " 1",
                "0x10", longText);
        for (String value : notNumbers) {
            check("page=" + abbreviated(value), get("/api/admin/users?page=" + encoded(value), adminToken), 400).ifPresent(failures::add);
            check("size=" + abbreviated(value), get("/api/admin/users?size=" + encoded(value), adminToken), 400).ifPresent(failures::add);
        }
        // page × size beyond an int: today's 500
        check("page=20000000&size=200", get("/api/admin/users?page=20000000&size=200", adminToken), 400).ifPresent(failures::add);
        check("page=" + Integer.MAX_VALUE, get("/api/admin/users?page=" + Integer.MAX_VALUE + "&size=200", adminToken), 400)
                .ifPresent(failures::add);
        check("size=0", get("/api/admin/users?size=0", adminToken), 400).ifPresent(failures::add);
        check("size=201", get("/api/admin/users?size=201", adminToken), 400).ifPresent(failures::add);
        Reply lastPage = get("/api/admin/users?page=10737417&size=200", adminToken);
        assertEquals(200, lastPage.status(), lastPage::toString);
        assertEquals(0, lastPage.json().getJsonArray("items").size());

        for (String scope : List.of(longText, "", "LOCAL ", "local\u0000", "loc", "local,global", "\u0130")) {
            Reply reply = http.send(http.request("/api/users/logout?scope=" + encoded(scope))
                    .header("Authorization", "Bearer " + userToken).DELETE().build());
            check("scope=" + abbreviated(scope), reply, 400).ifPresent(failures::add);
        }
        assertEquals(200, http.me(userToken).status(), "no hostile scope logged anybody out");

        for (String id : List.of("9".repeat(5_000), "abc", MARKER, "1.0", "-")) {
            Reply reply = http.send(http.request("/api/admin/users/" + encoded(id) + "/disable")
                    .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build());
            check("users/" + abbreviated(id) + "/disable", reply, 0).ifPresent(failures::add);
        }

        check("introspect an over-long token", introspect("token=" + "x".repeat(20_000), basic(CLIENT)), 400).ifPresent(failures::add);
        check("introspect two tokens", introspect("token=" + userToken + "&token=" + adminToken, basic(CLIENT)), 400)
                .ifPresent(failures::add);
        check("introspect with over-long Basic", introspect("token=x", "Basic " + "QUJD".repeat(1_500)), 401).ifPresent(failures::add);
        check("introspect with a hostile client id", introspect("token=x", basic(MARKER + "x".repeat(4_000) + ":x")), 401).ifPresent(failures::add);
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
        assertLogHoldsNoAttackerTextAtSevere();
    }

    @Test
    void overlongHeadersAreBoundedOrRefused() {
        // the HTTP layer takes up to 8 KiB of headers
        String longText = MARKER + "x".repeat(6_000);
        String email = uniqueEmail("agent");
        assertEquals(201, http.register("agent", email, PASSWORD).status());
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        Reply login = http.send(http.request("/api/users/login").header("Content-Type", "application/json")
                .header("User-Agent", longText).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, login.status(), login::toString);
        Reply sessions = get("/api/users/sessions", login.token());
        String stored = sessionsOf(sessions).stream().filter(s -> s.getBoolean("current")).findFirst().orElseThrow()
                .getString("user_agent");
        assertEquals(255, stored.length(), "the user agent is cut to its column");
        Reply forwarded = http.send(http.request("/api/users/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", "1.2.3.4, ".repeat(200) + MARKER + "x".repeat(3_000)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, forwarded.status(), forwarded::toString);
        Reply origin = http.send(http.request("/api/users/me").header("Authorization", "Bearer " + login.token())
                .header("Origin", "https://" + longText).GET().build());
        assertEquals(200, origin.status(), origin::toString);
        assertNull(origin.header("Access-Control-Allow-Origin"));

        List<String> failures = new ArrayList<>();
        check("over-long bearer token", get("/api/users/me", longText), 401).ifPresent(failures::add);
        check("over-long Authorization", http.send(http.request("/api/users/me").header("Authorization", longText).GET().build()), 401)
                .ifPresent(failures::add);
        check("over-long refresh cookie", http.send(http.request("/api/tokens/refresh").header("Content-Type", "application/json")
                .header("X-Token-Transport", "cookie").header("Cookie", "__Secure-accounts_refresh=" + longText)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400).ifPresent(failures::add);
        check("over-long X-Token-Transport", http.send(http.request("/api/tokens/refresh").header("Content-Type", "application/json")
                .header("X-Token-Transport", longText).POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400)
                .ifPresent(failures::add);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));

        // past the HTTP layer's header limit the server refuses the request before the application sees it
        Reply huge = http.send(http.request("/api/users/me").header("User-Agent", MARKER + "x".repeat(40_000)).GET().build());
        assertTrue(huge.status() >= 400 && huge.status() < 500, huge::toString);
        assertLogHoldsNoAttackerTextAtSevere();
    }

    @Test
    void optionsAnswersAllowAndNoBody() {
        Map<String, String> methodByPath = new LinkedHashMap<>();
        methodByPath.put("/api/users/register", "POST");
        methodByPath.put("/api/users/login", "POST");
        methodByPath.put("/api/tokens/refresh", "POST");
        methodByPath.put("/api/users/me", "GET");
        methodByPath.put("/api/users/sessions", "GET");
        methodByPath.put("/api/users/me/password", "PUT");
        methodByPath.put("/api/users/logout", "DELETE");
        methodByPath.put("/api/users/email-verification", "POST");
        methodByPath.put("/api/users/me/email-verification", "POST");
        methodByPath.put("/api/users/me/email-verification/resend", "POST");
        methodByPath.put("/api/users/email-verification/resend", "POST");
        methodByPath.put("/api/users/email-verification/code", "POST");
        methodByPath.put("/api/users/me/email", "PUT");
        methodByPath.put("/api/users/me/email/confirm", "POST");
        methodByPath.put("/api/users/me/email/undo", "POST");
        methodByPath.put("/api/users/me/export", "GET");
        methodByPath.put("/api/users/password-reset", "POST");
        methodByPath.put("/api/users/password-reset/complete", "POST");
        methodByPath.put("/api/admin/users", "GET");
        methodByPath.put("/api/admin/users/1/disable", "POST");
        methodByPath.put("/api/admin/keys/rotate", "POST");
        methodByPath.put("/api/oauth/introspect", "POST");
        methodByPath.put("/api/admin/bootstrap", "POST");
        methodByPath.put("/users/register", "POST");
        methodByPath.put("/users/login", "POST");
        methodByPath.put("/users/logout", "DELETE");
        for (Map.Entry<String, String> entry : methodByPath.entrySet()) {
            for (String accept : List.of("*/*", "text/plain", "application/vnd.sun.wadl+xml", "application/json")) {
                Reply reply = http.send(http.request(entry.getKey()).header("Accept", accept)
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
                String what = "OPTIONS " + entry.getKey() + " (Accept " + accept + ")";
                assertEquals(204, reply.status(), () -> what + ": " + reply);
                assertEquals("", reply.body(), what);
                assertNull(reply.header("Content-Type"), what);
                List<String> allowed = List.of(reply.header("Allow").split("\\s*,\\s*"));
                assertTrue(allowed.contains(entry.getValue()) && allowed.contains("OPTIONS"), () -> what + ": Allow " + allowed);
            }
        }
        Reply wadl = http.send(http.request("/api/application.wadl").GET().build());
        assertEquals(404, wadl.status(), "no description of the API is served: " + wadl);
        assertTrue(wadl.header("Content-Type").startsWith("application/problem+json"));
    }

    @Test
    void personalDataIsNeverCacheable() {
        Map<String, Reply> answers = new LinkedHashMap<>();
        answers.put("GET /api/users/me", http.me(userToken));
        answers.put("GET /api/users/sessions", get("/api/users/sessions", userToken));
        answers.put("GET /api/users/me/export", get("/api/users/me/export", userToken));
        answers.put("GET /api/admin/users", get("/api/admin/users?page=0&size=5", adminToken));
        answers.put("POST /api/admin/users/{id}/enable", http.send(http.request("/api/admin/users/" + userId + "/enable")
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build()));
        answers.put("introspection, active", introspect("token=" + userToken, basic(CLIENT)));
        answers.put("introspection, inactive", introspect("token=garbage", basic(CLIENT)));
        answers.put("introspection, no client", introspect("token=" + userToken, null));
        answers.put("login", http.login(ADMIN, PASSWORD));
        for (Map.Entry<String, Reply> answer : answers.entrySet()) {
            Reply reply = answer.getValue();
            assertTrue(reply.status() < 500, () -> answer.getKey() + ": " + reply);
            assertEquals("no-store", reply.header("Cache-Control"), answer.getKey() + " " + reply.status());
        }
        assertEquals(true, answers.get("introspection, active").json().getBoolean("active"));
    }

    // ---- helpers

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    static Reply send(Endpoint endpoint, String body) {
        HttpRequest.Builder request = http.request(endpoint.path()).header("Content-Type", "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        if (endpoint.bearer()) {
            request.header("Authorization", "Bearer " + userToken);
        }
        return http.send(request.build());
    }

    static Reply get(String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    static Reply introspect(String form, String authorization) {
        HttpRequest.Builder request = http.request("/api/oauth/introspect").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static List<JsonObject> sessionsOf(Reply reply) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    /**
     * Why a reply is wrong, if it is: not the {@code expected} status (0: any 4xx), not problem JSON whose
     * {@code status} is the reply's, or repeating the attacker's text.
     */
    static java.util.Optional<String> check(String what, Reply reply, int expected) {
        String problem = null;
        if (expected != 0 ? reply.status() != expected : reply.status() < 400 || reply.status() >= 500) {
            problem = "status " + reply.status() + " (expected " + (expected == 0 ? "4xx" : expected) + ")";
        } else if (reply.header("Content-Type") == null || !reply.header("Content-Type").startsWith("application/problem+json")) {
            problem = "Content-Type " + reply.header("Content-Type");
        } else if (reply.json().getInt("status", -1) != reply.status()) {
            problem = "problem status " + reply.json().get("status");
        } else if (mentionsMarker(reply.body())) {
            problem = "the attacker's text is repeated";
        }
        return problem == null ? java.util.Optional.empty() : java.util.Optional.of(what + ": " + problem + ": " + abbreviated(reply.body()));
    }

    /**
     * Waits until the server has logged the registration of a new user (its log is one ordered stream, so
     * everything logged for earlier requests is there), then asserts that no SEVERE record holds the attacker's
     * text and that nothing was an unexpected exception (an incident).
     */
    static void assertLogHoldsNoAttackerTextAtSevere() {
        Reply sentinel = http.register("sentinel", uniqueEmail("sentinel"), PASSWORD);
        assertEquals(201, sentinel.status(), sentinel::toString);
        String line = "\"audit\":\"register\",\"outcome\":\"success\"";
        String user = "\"user_id\":" + sentinel.json().getJsonObject("user").getJsonNumber("id").longValue() + ",";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> lines = node.logLines();
        while (lines.stream().noneMatch(l -> l.contains(line) && l.contains(user))) {
            assertTrue(Instant.now().isBefore(deadline), "the sentinel's audit line never appeared in " + node.log());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            lines = node.logLines();
        }
        List<String> records = records(lines);
        List<String> severe = records.stream().filter(r -> r.lines().findFirst().orElse("").contains("SEVERE"))
                .filter(InputBoundsIT::mentionsMarker).toList();
        assertEquals(List.of(), severe.stream().map(InputBoundsIT::abbreviated).toList(), "attacker text logged at SEVERE");
        List<String> incidents = records.stream().filter(r -> r.contains("UnexpectedExceptionMapper")).toList();
        assertEquals(List.of(), incidents.stream().map(InputBoundsIT::abbreviated).toList(), "unexpected exceptions");
    }

    /** Whether a text holds the attacker's marker, in any case (the server lower-cases emails into keys). */
    static boolean mentionsMarker(String text) {
        return text.toLowerCase(Locale.ROOT).contains(MARKER.toLowerCase(Locale.ROOT));
    }

    /** The log's records: each starts with a line "[2026-…"; the lines after it until the next are its own. */
    static List<String> records(List<String> lines) {
        List<String> records = new ArrayList<>();
        StringBuilder record = null;
        for (String line : lines) {
            if (line.startsWith("[") && line.length() > 3 && Character.isDigit(line.charAt(1))) {
                if (record != null) {
                    records.add(record.toString());
                }
                record = new StringBuilder();
            }
            if (record != null) {
                record.append(line).append('\n');
            }
        }
        if (record != null) {
            records.add(record.toString());
        }
        return records;
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }

    static String quote(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
