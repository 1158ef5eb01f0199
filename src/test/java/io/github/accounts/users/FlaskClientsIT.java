package io.github.accounts.users;

import io.github.accounts.support.StandardNode;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client of the Flask app, unchanged: its three routes at the root, its request bodies, the statuses and fields it
 * reads; and behind them this service (tokens that work on /api and back, durable logout, problem JSON).
 */
class FlaskClientsIT {

    final Http http = StandardNode.http();

    static final String PASSWORD = "correct horse battery";

    /** The bodies exactly as the Flask app's clients send them. */
    static String registration(String email) {
        return Json.createObjectBuilder().add("username", "홍길동").add("email", email).add("password", PASSWORD).build().toString();
    }

    static String login(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
    }

    Reply flaskLogout(String token) {
        return http.send(http.request("/users/logout").header("Authorization", "Bearer " + token).DELETE().build());
    }

    @Test
    void registerLoginLogoutAnswerAsTheFlaskAppDid() {
        String email = uniqueEmail("flask");
        Reply registered = http.post("/users/register", registration(email));
        assertEquals(200, registered.status(), registered::toString);
        assertEquals("success", registered.json().getString("result"));
        assertTrue(registered.json().getString("access_token").startsWith("eyJ"));
        assertEquals("no-store", registered.header("Cache-Control"));

        Reply login = http.post("/users/login", login(email, PASSWORD));
        assertEquals(200, login.status(), login::toString);
        JsonObject body = login.json();
        assertEquals("success", body.getString("result"));
        assertEquals(body.getString("access_token"), body.getString("access"), "one Flask tutorial read 'access'");

        Reply logout = flaskLogout(body.getString("access_token"));
        assertEquals(200, logout.status(), logout::toString);
        assertEquals("{\"result\":\"success\"}", logout.body());
        assertEquals(401, http.me(body.getString("access_token")).status(), "logged out for real, on every path");
        assertEquals(401, flaskLogout(body.getString("access_token")).status());
    }

    @Test
    void tokensOfEitherRouteWorkOnTheOther() throws Exception {
        String email = uniqueEmail("flask-both");
        String flaskToken = http.post("/users/register", registration(email)).json().getString("access_token");
        Reply me = http.me(flaskToken);
        assertEquals(200, me.status(), me::toString);
        assertEquals(String.valueOf(me.json().getJsonNumber("id").longValue()),
                io.github.accounts.support.Jwt.claims(flaskToken).getString("sub"), "sub is the user's id, as in the Flask app");

        String apiToken = http.login(email, PASSWORD).token();
        assertEquals(200, flaskLogout(apiToken).status());
        assertEquals(401, http.me(apiToken).status());
        assertEquals(200, http.me(flaskToken).status(), "a local logout ends that session only");
    }

    @Test
    void errorsAreProblemJsonWithTheFlaskFields() {
        String email = uniqueEmail("flask-errors");
        assertEquals(200, http.post("/users/register", registration(email)).status());
        assertProblem(409, http.post("/users/register", registration(email)));
        assertProblem(401, http.post("/users/login", login(email, "wrong password")));
        assertProblem(400, http.post("/users/login", "{\"email\":\"" + email + "\"}"));
        assertProblem(401, http.send(http.request("/users/logout").DELETE().build()));
        assertProblem(405, http.send(http.request("/users/login").GET().build()));
    }
}
