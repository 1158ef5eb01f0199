package io.github.accounts.support;

import io.github.accounts.support.Http.Reply;
import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one error contract, asserted: RFC 9457 problem JSON with the Flask app's fields, and no internals. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        String contentType = reply.header("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("application/problem+json"), reply::toString);
        JsonObject problem = reply.json();
        assertAll(
                () -> assertEquals(status, problem.getInt("status")),
                () -> assertTrue(problem.getString("type").startsWith("urn:accounts:problem:")),
                () -> assertFalse(problem.getString("title").isBlank()),
                () -> assertFalse(problem.getString("detail").isBlank()),
                () -> assertEquals("fail", problem.getString("result")),
                () -> assertEquals(problem.getString("detail"), problem.getString("error")),
                () -> assertFalse(reply.body().matches("(?s).*(Exception|java\\.|jakarta\\.|org\\.|com\\.|SQL|\\tat ).*"), reply::toString));
    }

    /** A problem of the given status and type. */
    public static void assertProblem(int status, String type, Reply reply) {
        assertProblem(status, reply);
        assertEquals(type, reply.json().getString("type"), reply::toString);
    }
}
