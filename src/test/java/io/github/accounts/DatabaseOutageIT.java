package io.github.accounts;

import io.github.accounts.support.Await;
import io.github.accounts.support.Cores;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MariaDbServer;
import io.github.accounts.support.MicroServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running node: requests that need it get a prompt 503 problem, nothing
 * else breaks, and the node recovers by itself when the database is back. A node whose database is not there yet
 * starts all the same, says it is not ready, and becomes ready when the database appears. Needs MariaDB's
 * binaries, so it runs in the mariadb profile. One node on one MariaDB of its own serves the three tests: it is
 * started before its database (what it answered then is kept for the first test), and each test begins by waiting
 * until the node is ready and leaves the database running.
 */
@Tag("mariadb")
@ResourceLock(Cores.LOCK)
class DatabaseOutageIT {

    static final String PASSWORD = "correct horse battery";

    static MariaDbServer database;
    static MicroServer node;
    static Http http;
    /** What the node answered before its database was there. */
    static Reply liveBeforeDatabase;
    static Reply readyBeforeDatabase;
    static Reply registerBeforeDatabase;

    @BeforeAll
    static void startTheNodeBeforeItsDatabase() {
        database = MariaDbServer.install("outage");
        node = MicroServer.fresh("outage", Map.of("DB_URL", database.jdbcUrl("accounts"), "DB_USER", "root", "DB_PASSWORD", "")).start();
        http = node.http();
        liveBeforeDatabase = get("/health/live");
        readyBeforeDatabase = get("/health/ready");
        registerBeforeDatabase = http.register("early", uniqueEmail("early"), PASSWORD);
        database.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Waits (bounded) until the node says it is ready, and asserts it. */
    static void awaitReady() {
        Reply ready = Await.until(() -> get("/health/ready"), reply -> reply.status() == 200, Duration.ofSeconds(60));
        assertEquals(200, ready.status(), ready::toString);
    }

    @Test
    void aNodeStartsWithoutItsDatabaseAndIsReadyOnceItAppears() {
        assertEquals(200, liveBeforeDatabase.status(), liveBeforeDatabase::toString);
        assertEquals(503, readyBeforeDatabase.status(), readyBeforeDatabase::toString);
        assertEquals(503, registerBeforeDatabase.status(), registerBeforeDatabase::toString);
        assertTrue(registerBeforeDatabase.header("Content-Type").startsWith("application/problem+json"), registerBeforeDatabase::toString);

        awaitReady();
        String email = uniqueEmail("late");
        assertEquals(201, http.register("late", email, PASSWORD).status());
        String token = http.login(email, PASSWORD).token();
        assertEquals(200, http.me(token).status());
        assertEquals(200, http.logout(token).status());
        assertEquals(401, http.me(token).status());
    }

    @Test
    void aDatabaseOutageIsA503AndTheNodeRecoversByItself() {
        awaitReady();
        String email = uniqueEmail("outage");
        String token = http.register("outage", email, PASSWORD).token();
        int successes = auditLines("\"audit\":\"login\",\"outcome\":\"success\"");

        database.kill();
        try {
            assertDown(email, token);
        } finally {
            database.start();
        }
        // back by itself: ready within a few seconds of the database (its connections are tried again)
        Reply ready = Await.until(() -> get("/health/ready"), reply -> reply.status() == 200, Duration.ofSeconds(5));
        assertEquals(200, ready.status(), ready::toString);
        Reply back = http.login(email, PASSWORD);
        assertEquals(200, back.status(), back::toString);
        // once the later success is in the log, so is whatever the login during the outage recorded
        int after = Await.until(() -> auditLines("\"audit\":\"login\",\"outcome\":\"success\""), n -> n > successes, Duration.ofSeconds(10));
        assertTrue(after > successes, "see " + node.log());
        assertTrue(node.logLines().stream().noneMatch(l -> l.contains("\"outcome\":\"throttled\"")),
                "a database outage is not audited as a throttled login (review #14, point 16)");
        assertEquals(201, http.register("after", uniqueEmail("after"), PASSWORD).status());
    }

    /** While the database is down: tokens still check, everything that needs it is a prompt 503 problem. */
    private static void assertDown(String email, String token) {
        assertEquals(200, http.me(token).status(), "checking a token needs no database");
        Reply notReady = get("/health/ready");
        assertEquals(503, notReady.status(), notReady::toString);
        Instant asked = Instant.now();
        Reply down = http.login(email, PASSWORD);
        Duration took = Duration.between(asked, Instant.now());
        assertEquals(503, down.status(), down::toString);
        assertTrue(down.header("Content-Type").startsWith("application/problem+json"), down::toString);
        assertEquals("fail", down.json().getString("result"));
        assertTrue(down.header("Retry-After") != null, down::toString);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "a 503 must come promptly, took " + took);
        assertEquals(503, http.register("during", uniqueEmail("during"), PASSWORD).status());
    }

    private static int auditLines(String text) {
        return (int) node.logLines().stream().filter(l -> l.contains(text)).count();
    }

    @Test
    void aLogoutStalledOnAFrozenDatabaseKeepsNoOtherRequestWaiting() throws Exception {
        awaitReady();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            String email = uniqueEmail("frozen");
            assertEquals(201, http.register("frozen", email, PASSWORD).status());
            String leaving = http.login(email, PASSWORD).token();
            String staying = http.login(email, PASSWORD).token();
            assertEquals(200, http.me(leaving).status());
            assertEquals(200, http.me(staying).status());

            database.freeze();
            Future<Reply> logout;
            try {
                logout = pool.submit(() -> http.logout(leaving));
                // for three seconds of the stalled logout, every token check answers at once
                Instant start = Instant.now();
                Duration slowest = Duration.ZERO;
                int checks = 0;
                while (Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0) {
                    Instant asked = Instant.now();
                    Reply me = meWithin(http, staying, Duration.ofSeconds(2));
                    Duration took = Duration.between(asked, Instant.now());
                    assertEquals(200, me.status(), me::toString);
                    slowest = took.compareTo(slowest) > 0 ? took : slowest;
                    checks++;
                }
                assertTrue(slowest.compareTo(Duration.ofSeconds(1)) < 0, "a /me took " + slowest.toMillis() + " ms");
                assertTrue(checks >= 3, checks + " checks");
                assertFalse(logout.isDone(), "the logout was stalled on the frozen database all along");
            } finally {
                database.thaw();
            }

            Reply done = logout.get(60, TimeUnit.SECONDS);
            if (done.status() == 200) {
                assertEquals(401, http.me(leaving).status(), "the logout went through once the database answered");
            } else {
                assertEquals(503, done.status(), done::toString);
                assertTrue(done.header("Content-Type").startsWith("application/problem+json"), done::toString);
                assertEquals(200, http.logout(leaving).status(), "a logout that failed cleanly can be done again");
                assertEquals(401, http.me(leaving).status());
            }
            assertEquals(200, http.me(staying).status());
            assertEquals(200, http.login(email, PASSWORD).status());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Reply meWithin(Http http, String token, Duration timeout) {
        try {
            return http.send(http.request("/api/users/me").timeout(timeout).header("Authorization", "Bearer " + token).GET().build());
        } catch (UncheckedIOException e) {
            throw new AssertionError("/me did not answer within " + timeout.toMillis() + " ms while a logout waited on the database", e);
        }
    }

    private static Reply get(String path) {
        return http.send(http.request(path).GET().build());
    }
}
