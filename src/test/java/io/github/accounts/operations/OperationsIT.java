package io.github.accounts.operations;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.StandardNode;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators look at: health, Prometheus metrics and the OpenAPI document. */
class OperationsIT {

    static final String PASSWORD = "correct horse battery";
    static final String SECRET = StandardNode.INTROSPECTION_SECRET;
    static MicroServer node;
    static Http http;

    @BeforeAll
    static void start() {
        node = StandardNode.node();
        http = node.http();
    }


    static Reply get(String path) {
        return http.send(http.request(path).GET().build());
    }

    @Test
    void startupLogsTheEffectiveConfigurationWithSecretsMasked() {
        String line = node.logLines().stream().filter(l -> l.contains("configuration: {")).findFirst().orElseThrow();
        assertTrue(line.contains("JWT_ISSUER=" + StandardNode.ISSUER), line);
        assertTrue(line.contains("INTROSPECTION_CLIENTS=***"), line);
        assertTrue(line.contains("DB_PASSWORD=(default)") || line.contains("DB_PASSWORD=***") || line.contains("DB_PASSWORD=(empty)"), line);
        assertTrue(node.logLines().stream().noneMatch(l -> l.contains(SECRET)), "a secret reached the log");
    }

    @Test
    void healthSaysLiveAndReadyWithTheDatabase() {
        Reply live = get("/health/live");
        assertEquals(200, live.status(), live::toString);
        assertEquals("UP", live.json().getString("status"));
        Reply ready = get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        JsonObject database = ready.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> "database".equals(c.getString("name"))).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
    }

    static double metric(String text, String pattern) {
        Matcher matcher = Pattern.compile("(?m)^" + pattern + " ([0-9.eE+-]+)$").matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    @Test
    void metricsCountAuthenticationEventsInPrometheusFormat() {
        String before = get("/metrics").body();
        String email = uniqueEmail("metrics");
        String token = http.register("metrics", email, PASSWORD).token();
        assertEquals(401, http.login(email, "wrong password").status());
        assertEquals(200, http.login(email, PASSWORD).status());
        assertEquals(200, http.me(token).status());
        assertEquals(200, http.logout(token).status());

        Reply metrics = get("/metrics");
        assertEquals(200, metrics.status());
        String text = metrics.body();
        String success = "accounts_events_total\\{event=\"login\",mp_scope=\"application\",outcome=\"success\"\\}";
        assertEquals(Math.max(0, metric(before, success)) + 1, metric(text, success), text);
        assertTrue(metric(text, "accounts_events_total\\{event=\"login\",mp_scope=\"application\",outcome=\"failure\"\\}") >= 1);
        assertTrue(metric(text, "accounts_events_total\\{event=\"register\",mp_scope=\"application\",outcome=\"success\"\\}") >= 1);
        assertTrue(metric(text, "accounts_events_total\\{event=\"logout\",mp_scope=\"application\",outcome=\"success\"\\}") >= 1);
        assertTrue(metric(text, "accounts_revocations\\{mp_scope=\"application\"\\}") >= 1, text);
        assertTrue(text.contains("accounts_request_seconds_count{endpoint=\"UsersResource.me\",mp_scope=\"application\",status=\"2xx\"}"), text);
        String verifications = "accounts_password_hash_cpu_seconds_count\\{mp_scope=\"application\",work=\"verify\"\\}";
        assertTrue(metric(text, verifications) >= Math.max(0, metric(before, verifications)) + 2, text);
        assertTrue(metric(text, "accounts_password_hash_cpu_seconds_sum\\{mp_scope=\"application\",work=\"hash\"\\}") > 0, text);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndItsSecurity() {
        Reply openapi = http.send(http.request("/openapi").header("Accept", "application/json").GET().build());
        assertEquals(200, openapi.status());
        JsonObject document = openapi.json();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/api/users/register", "/api/users/login", "/api/tokens/refresh", "/api/users/me",
                "/api/users/sessions", "/api/users/me/password", "/api/users/logout", "/api/admin/users",
                "/api/admin/users/{id}/disable", "/api/admin/users/{id}/enable", "/api/admin/keys/rotate",
                "/api/oauth/introspect", "/.well-known/jwks.json", "/.well-known/openid-configuration")) {
            assertTrue(paths.containsKey(path), path);
        }
        assertEquals("bearer", document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
        assertTrue(paths.getJsonObject("/api/users/login").getJsonObject("post").getJsonObject("responses").containsKey("429"));
    }
}
