package io.github.accounts.sessions;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session ends at its absolute end however often it is refreshed: on a node whose sessions live at most
 * 60 seconds (the shortest SESSION_MAX_LIFETIME) with a refresh TTL of an hour, a refresh every few seconds keeps
 * it alive only until then.
 * It mostly waits, and touches only its own session: it runs beside the other tests.
 */
@Execution(ExecutionMode.CONCURRENT)
class SessionLifetimeIT {

    static final String PASSWORD = "correct horse battery";
    static final long MAX_LIFETIME = 60;

    @Test
    void refreshingKeepsASessionAliveOnlyUntilItsAbsoluteEnd() {
        try (MicroServer node = MicroServer.fresh("lifetime", Map.of("JWT_REFRESH_TTL", "3600",
                "SESSION_MAX_LIFETIME", String.valueOf(MAX_LIFETIME))).start()) {
            Http http = node.http();
            String email = uniqueEmail("lifetime");
            assertEquals(201, http.register("lifetime", email, PASSWORD).status());
            Reply login = http.login(email, PASSWORD);
            Instant loggedIn = Instant.now();
            assertTrue(login.json().getInt("refresh_expires_in") <= MAX_LIFETIME,
                    "the refresh token lives no longer than its session: " + login.json());

            JsonObject listed = Json.createReader(new StringReader(sessions(http, login.token()).body())).readArray()
                    .getValuesAs(JsonObject.class).stream().filter(s -> s.getBoolean("current")).findFirst().orElseThrow();
            Instant createdAt = Instant.parse(listed.getString("created_at"));
            assertEquals(createdAt.plusSeconds(MAX_LIFETIME), Instant.parse(listed.getString("expires_at")));
            assertEquals(createdAt.plusSeconds(MAX_LIFETIME), Instant.parse(listed.getString("idle_expires_at")),
                    "the idle end stops at the absolute end");

            // a refresh every 5 s, as a busy client would, until the session ends
            String refreshToken = login.json().getString("refresh_token");
            Instant lastSuccess = loggedIn;
            Reply reply;
            while (true) {
                reply = refresh(http, refreshToken);
                if (reply.status() != 200) {
                    break;
                }
                lastSuccess = Instant.now();
                refreshToken = reply.json().getString("refresh_token");
                assertTrue(reply.json().getInt("refresh_expires_in") <= MAX_LIFETIME - Duration.between(loggedIn, lastSuccess).toSeconds() + 1,
                        "each refresh token ends with the session: " + reply.json());
                assertTrue(Duration.between(loggedIn, lastSuccess).toSeconds() < MAX_LIFETIME + 5, "still alive after " + MAX_LIFETIME + " s");
                LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
            }
            Duration lived = Duration.between(loggedIn, Instant.now());
            assertEquals(401, reply.status(), reply::toString);
            assertTrue(lived.toSeconds() >= MAX_LIFETIME - 2, "ended after only " + lived.toSeconds() + " s");
            assertTrue(Duration.between(loggedIn, lastSuccess).toSeconds() >= MAX_LIFETIME - 7, "refreshes worked until near the end");
            Reply other = http.login(email, PASSWORD);
            assertEquals(1, Json.createReader(new StringReader(sessions(http, other.token()).body())).readArray().size(),
                    "the ended session is no longer listed (nor the registration's)");
        }
    }

    static Reply refresh(Http http, String refreshToken) {
        return http.post("/api/tokens/refresh", Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString());
    }

    static Reply sessions(Http http, String token) {
        return http.send(http.request("/api/users/sessions").header("Authorization", "Bearer " + token).GET().build());
    }
}
