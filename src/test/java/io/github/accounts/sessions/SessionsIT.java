package io.github.accounts.sessions;

import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Cores;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.Together;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions, refresh-token rotation and reuse detection (with its grace period, here 2 s), logout scopes and
 * password changes, over HTTP.
 */
@ResourceLock(Cores.LOCK)
class SessionsIT {

    static final String PASSWORD = "correct horse battery";
    static final long GRACE_SECONDS = 2;
    static final long MAX_LIFETIME = 7200;
    static MicroServer node;
    static Http http;

    @BeforeAll
    static void start() {
        node = MicroServer.fresh("sessions", Map.of("JWT_REFRESH_TTL", "3600",
                "REFRESH_REUSE_GRACE_SECONDS", String.valueOf(GRACE_SECONDS), "SESSION_MAX_LIFETIME", String.valueOf(MAX_LIFETIME))).start();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static Reply refresh(String refreshToken) {
        return http.post("/api/tokens/refresh", Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString());
    }

    static Reply login(String email, String password, String userAgent) {
        String body = Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
        return http.send(http.request("/api/users/login").header("Content-Type", "application/json")
                .header("User-Agent", userAgent).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Reply logout(String token, String scope) {
        return http.send(http.request("/api/users/logout?scope=" + scope).header("Authorization", "Bearer " + token).DELETE().build());
    }

    static Reply sessions(String token) {
        return http.send(http.request("/api/users/sessions").header("Authorization", "Bearer " + token).GET().build());
    }

    static String sid(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid");
    }

    static String registered() {
        String email = uniqueEmail("session");
        assertEquals(201, http.register("session", email, PASSWORD).status());
        return email;
    }

    @Test
    void loginStartsASessionWithARefreshToken() throws Exception {
        Reply login = http.login(registered(), PASSWORD);
        JsonObject body = login.json();
        assertEquals(3600, body.getInt("refresh_expires_in"));
        assertTrue(body.getString("refresh_token").length() >= 43, body::toString);
        assertFalse(sid(login.token()).isBlank());
        assertEquals("no-store", login.header("Cache-Control"));
    }

    @Test
    void aRefreshSpendsTheTokenAndHandsOutTheNextOnes() throws Exception {
        Reply login = http.login(registered(), PASSWORD);
        Reply refreshed = refresh(login.json().getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals("no-store", refreshed.header("Cache-Control"));
        assertNotEquals(login.token(), refreshed.token());
        assertNotEquals(login.json().getString("refresh_token"), refreshed.json().getString("refresh_token"));
        assertEquals(sid(login.token()), sid(refreshed.token()), "a refresh stays in its session");
        assertEquals(200, http.me(refreshed.token()).status());
        assertEquals(200, refresh(refreshed.json().getString("refresh_token")).status());
    }

    @Test
    void presentingASpentRefreshTokenEndsTheWholeSessionButNoOther() {
        String email = registered();
        Reply stolen = http.login(email, PASSWORD);
        Reply other = http.login(email, PASSWORD);
        String spent = stolen.json().getString("refresh_token");
        Reply legitimate = refresh(spent);
        assertEquals(200, legitimate.status());
        Reply later = refresh(legitimate.json().getString("refresh_token"));
        assertEquals(200, later.status(), "the chain moves on: the first token is no longer the one just replaced");

        Reply reuse = refresh(spent);
        assertEquals(401, reuse.status(), reuse::toString);
        assertEquals("application/problem+json", reuse.header("Content-Type").split(";")[0]);
        assertEquals(401, refresh(later.json().getString("refresh_token")).status(), "the newest refresh token dies with its session");
        assertEquals(401, http.me(later.token()).status(), "access tokens of the session die too");
        assertEquals(401, http.me(legitimate.token()).status());
        assertEquals(401, http.me(stolen.token()).status());
        assertEquals(200, http.me(other.token()).status(), "other sessions stay alive");
        assertEquals(200, refresh(other.json().getString("refresh_token")).status());
    }

    @Test
    void twoTabsRefreshingTogetherBothGetTheSameSuccessorAndTheSessionLives() throws Exception {
        String refreshToken = http.login(registered(), PASSWORD).json().getString("refresh_token");
        List<Reply> replies = race(refreshToken, 2);
        assertEquals(200, replies.get(0).status(), replies::toString);
        assertEquals(200, replies.get(1).status(), replies::toString);
        String successor = replies.get(0).json().getString("refresh_token");
        assertEquals(successor, replies.get(1).json().getString("refresh_token"), "the grace answer is the same successor");
        assertNotEquals(replies.get(0).token(), replies.get(1).token(), "each gets an access token of its own");
        assertEquals(sid(replies.get(0).token()), sid(replies.get(1).token()));
        assertTrue(replies.get(1).json().getInt("refresh_expires_in") <= 3600);
        assertEquals(200, http.me(replies.get(0).token()).status(), "the session lives on");
        assertEquals(200, http.me(replies.get(1).token()).status());
        Reply next = refresh(successor);
        assertEquals(200, next.status(), next::toString);
        assertEquals(200, http.me(next.token()).status());
    }

    @Test
    void aReplacedTokenPresentedAfterTheGracePeriodEndsTheSession() throws Exception {
        String refreshToken = http.login(registered(), PASSWORD).json().getString("refresh_token");
        Reply first = refresh(refreshToken);
        assertEquals(200, first.status());
        Reply withinGrace = refresh(refreshToken);
        assertEquals(200, withinGrace.status(), "presented again at once: a grace answer");
        assertEquals(first.json().getString("refresh_token"), withinGrace.json().getString("refresh_token"));

        // the grace period is time: this test waits for it to pass (the rule itself is SessionRulesTest's)
        waitSeconds(GRACE_SECONDS + 1.2);
        Reply reuse = refresh(refreshToken);
        assertEquals(401, reuse.status(), reuse::toString);
        assertEquals(401, refresh(first.json().getString("refresh_token")).status(), "the session has ended");
        assertEquals(401, http.me(first.token()).status());
        assertEquals(401, http.me(withinGrace.token()).status());
    }

    @Test
    void manyRequestsRacingWithOneRefreshTokenGetAFewGraceAnswersThenItIsReuse() throws Exception {
        String refreshToken = http.login(registered(), PASSWORD).json().getString("refresh_token");
        List<Reply> replies = race(refreshToken, 8);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        replies.forEach(reply -> byStatus.merge(reply.status(), 1, Integer::sum));
        assertEquals(4, byStatus.getOrDefault(200, 0), "one refresh and three grace answers: " + byStatus);
        assertEquals(4, byStatus.getOrDefault(401, 0), byStatus::toString);
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).map(r -> r.json().getString("refresh_token")).distinct().count(),
                "every winner got the same successor");
        String successor = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json().getString("refresh_token");
        assertEquals(401, refresh(successor).status(), "past the grace answers it was reuse: the session has ended");
    }

    static List<Reply> race(String refreshToken, int requests) throws Exception {
        return Together.run(requests, () -> refresh(refreshToken));
    }

    static void waitSeconds(double seconds) {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    @Test
    void refreshErrorsAreProblems() {
        assertEquals(400, http.post("/api/tokens/refresh", "{}").status());
        assertEquals(400, http.post("/api/tokens/refresh", "{\"refresh_token\":42}").status());
        assertEquals(401, refresh("not-a-refresh-token").status());
        Reply unknown = refresh("A".repeat(43));
        assertEquals(401, unknown.status());
        assertEquals("fail", unknown.json().getString("result"));
    }

    @Test
    void theSessionListShowsLiveSessionsAndMarksThisOne() throws Exception {
        String email = registered();
        String laptop = login(email, PASSWORD, "Laptop/1.0").token();
        String phone = login(email, PASSWORD, "Phone/2.0").token();
        Reply list = sessions(laptop);
        assertEquals(200, list.status(), list::toString);
        var items = Json.createReader(new java.io.StringReader(list.body())).readArray();
        assertEquals(3, items.size(), "the registration's session, the laptop's and the phone's");
        JsonObject current = items.stream().map(v -> v.asJsonObject()).filter(s -> s.getBoolean("current")).findFirst().orElseThrow();
        assertEquals(sid(laptop), current.getString("id"));
        assertEquals("Laptop/1.0", current.getString("user_agent"));
        assertTrue(items.stream().anyMatch(v -> "Phone/2.0".equals(v.asJsonObject().getString("user_agent", ""))));
        assertTrue(current.getString("created_at").endsWith("Z") && current.getString("last_used_at").endsWith("Z"));
        assertEquals(Instant.parse(current.getString("created_at")).plusSeconds(MAX_LIFETIME), Instant.parse(current.getString("expires_at")),
                "it ends at the latest SESSION_MAX_LIFETIME after the login");
        assertEquals(Instant.parse(current.getString("last_used_at")).plusSeconds(3600), Instant.parse(current.getString("idle_expires_at")),
                "idle, it ends a refresh TTL after its last use");

        assertEquals(200, logout(phone, "local").status());
        assertEquals(2, Json.createReader(new java.io.StringReader(sessions(laptop).body())).readArray().size());
    }

    @Test
    void logoutScopesEndThisOtherOrAllSessions() {
        String email = registered();
        Reply a = http.login(email, PASSWORD);
        Reply b = http.login(email, PASSWORD);
        Reply c = http.login(email, PASSWORD);

        assertEquals(200, logout(a.token(), "others").status());
        assertEquals(200, http.me(a.token()).status(), "others keeps this session");
        assertEquals(401, http.me(b.token()).status());
        assertEquals(401, http.me(c.token()).status());
        assertEquals(401, refresh(b.json().getString("refresh_token")).status());

        Reply d = http.login(email, PASSWORD);
        assertEquals(200, logout(a.token(), "local").status());
        assertEquals(401, http.me(a.token()).status());
        assertEquals(401, refresh(a.json().getString("refresh_token")).status(), "local ends the refresh token too");
        assertEquals(200, http.me(d.token()).status(), "local leaves other sessions");

        Reply e = http.login(email, PASSWORD);
        assertEquals(200, logout(d.token(), "global").status());
        assertEquals(401, http.me(d.token()).status());
        assertEquals(401, http.me(e.token()).status());
        assertEquals(400, logout(http.login(email, PASSWORD).token(), "everything").status());
    }

    @Test
    void aPasswordChangeEndsEveryOtherSession() {
        String email = registered();
        Reply here = http.login(email, PASSWORD);
        Reply elsewhere = http.login(email, PASSWORD);
        String newPassword = "a completely new passphrase";

        Reply wrong = changePassword(here.token(), "not " + PASSWORD, newPassword);
        assertEquals(403, wrong.status(), wrong::toString);
        assertEquals("fail", wrong.json().getString("result"));
        Reply weak = changePassword(here.token(), PASSWORD, "password1");
        assertEquals(400, weak.status());

        assertEquals(200, changePassword(here.token(), PASSWORD, newPassword).status());
        assertEquals(200, http.me(here.token()).status(), "the session that changed it lives on");
        assertEquals(401, http.me(elsewhere.token()).status());
        assertEquals(401, refresh(elsewhere.json().getString("refresh_token")).status());
        assertEquals(401, http.login(email, PASSWORD).status());
        assertEquals(200, http.login(email, newPassword).status());
    }

    static Reply changePassword(String token, String current, String next) {
        String body = Json.createObjectBuilder().add("current_password", current).add("new_password", next).build().toString();
        return http.send(http.request("/api/users/me/password").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
