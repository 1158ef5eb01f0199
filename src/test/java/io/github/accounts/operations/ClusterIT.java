package io.github.accounts.operations;

import io.github.accounts.support.Http;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on one MariaDB database: what one does, the other knows — a logout on A is refused by B within a
 * second; a node that starts later learns the revocations; killing a node loses nothing.
 */
@Tag("mariadb")
class ClusterIT {

    static final String PASSWORD = "correct horse battery";

    @Test
    void nodesSharingADatabaseShareUsersSessionsAndLogouts() {
        assertTrue(TestDatabase.external(), "needs the mariadb profile");
        String email = uniqueEmail("cluster");
        try (MicroServer a = MicroServer.fresh("cluster-a", Map.of()).start();
             MicroServer b = MicroServer.fresh("cluster-b", Map.of()).start()) {
            Http onA = a.http();
            Http onB = b.http();
            assertEquals(201, onA.register("cluster", email, PASSWORD).status());
            String token = onB.login(email, PASSWORD).token();
            String other = onB.login(email, PASSWORD).token();
            assertEquals(200, onA.me(token).status(), "a token from B is good on A");
            assertEquals(200, onB.me(token).status());

            assertEquals(200, onA.logout(token).status());
            Instant loggedOut = Instant.now();
            int status = onB.me(token).status();
            while (status == 200 && Duration.between(loggedOut, Instant.now()).toMillis() < 5000) {
                status = onB.me(token).status();
            }
            Duration took = Duration.between(loggedOut, Instant.now());
            assertEquals(401, status);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "B refused the token only after " + took.toMillis() + " ms");

            a.kill();
            assertEquals(401, onB.me(token).status(), "killing a node loses nothing");
            assertEquals(200, onB.me(other).status());
            assertEquals(200, onB.login(email, PASSWORD).status());

            try (MicroServer c = MicroServer.fresh("cluster-c", Map.of()).start()) {
                assertEquals(401, c.http().me(token).status(), "a node that starts later knows the logout");
                assertEquals(200, c.http().me(other).status());
            }
        }
    }
}
