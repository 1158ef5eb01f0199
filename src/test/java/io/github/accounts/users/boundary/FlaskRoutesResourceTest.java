package io.github.accounts.users.boundary;

import io.github.accounts.problems.control.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlaskRoutesResourceTest {

    @Test
    void turnedOffTheRoutesAnswer404BeforeAnythingHappens() {
        FlaskRoutesResource routes = new FlaskRoutesResource();
        routes.enabled = false;
        assertEquals(404, assertThrows(ProblemException.class,
                () -> routes.login(new LoginRequest("a@example.com", "x"))).problem().status());
        assertEquals(404, assertThrows(ProblemException.class, routes::logout).problem().status());
    }
}
