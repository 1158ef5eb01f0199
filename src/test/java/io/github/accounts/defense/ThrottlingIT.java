package io.github.accounts.defense;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute-force defense over HTTP. The node trusts the loopback proxy, so each test speaks from addresses of its
 * own through X-Forwarded-For; limits are small so that a test reaches them quickly.
 */
class ThrottlingIT {

    static final String PASSWORD = "correct horse battery";
    static MicroServer node;
    static Http http;

    @BeforeAll
    static void start() {
        node = MicroServer.fresh("throttling", Map.of(
                "TRUSTED_PROXIES", "127.0.0.1",
                "LOGIN_MAX_FAILURES", "3",
                "LOGIN_LOCKOUT_SECONDS", "3",
                "LOGIN_IP_MAX_FAILURES", "4",
                "REGISTER_IP_LIMIT", "2")).start();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static Reply login(String email, String password, String from) {
        String body = Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
        return http.send(http.request("/api/users/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", from).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Reply register(String email, String from) {
        String body = Json.createObjectBuilder().add("username", "throttled").add("email", email).add("password", PASSWORD).build().toString();
        return http.send(http.request("/api/users/register").header("Content-Type", "application/json")
                .header("X-Forwarded-For", from).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static String registered() {
        String email = uniqueEmail("throttle");
        assertEquals(201, register(email, someAddress()).status());
        return email;
    }

    /** Waits (bounded) until the attempt gives anything but 429: a lockout runs out by time alone. */
    static Reply awaitUnlocked(Supplier<Reply> attempt) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Reply reply = attempt.get();
        while (reply.status() == 429 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            reply = attempt.get();
        }
        return reply;
    }

    static void assertThrottled(Reply reply, long retryAfter) {
        assertThrottled(reply, 1, retryAfter);
    }

    static void assertThrottled(Reply reply, long atLeast, long retryAfter) {
        assertEquals(429, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
        assertEquals("urn:accounts:problem:too-many-requests", reply.json().getString("type"));
        long header = Long.parseLong(reply.header("Retry-After"));
        assertTrue(header >= atLeast && header <= retryAfter, "Retry-After " + header + " not in " + atLeast + ".." + retryAfter);
        assertTrue(reply.json().getString("detail").contains("try again in"), reply::toString);
    }

    @Test
    void consecutiveFailuresLockTheAccountEvenForTheRightPasswordUntilItRunsOut() {
        String email = registered();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", someAddress()).status());
        }
        assertThrottled(login(email, PASSWORD, someAddress()), 3);

        assertEquals(200, awaitUnlocked(() -> login(email, PASSWORD, someAddress())).status());
        // the success reset the streak: three more failures lock for the base time again, not double
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", someAddress()).status());
        }
        assertThrottled(login(email, PASSWORD, someAddress()), 3);
    }

    @Test
    void eachFurtherStreakDoublesTheLockout() {
        String email = registered();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", someAddress()).status());
        }
        assertThrottled(login(email, "wrong password", someAddress()), 3);
        // the first attempt after the lockout is the first failure of the next streak
        assertEquals(401, awaitUnlocked(() -> login(email, "wrong password", someAddress())).status());
        assertEquals(401, login(email, "wrong password", someAddress()).status());
        assertEquals(401, login(email, "wrong password", someAddress()).status());
        // twice the base time of 3 s: more than the base could ever give
        assertThrottled(login(email, PASSWORD, someAddress()), 4, 6);
    }

    @Test
    void unknownAccountsLockAlikeSoLockoutsRevealNothing() {
        String nobody = uniqueEmail("nobody");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(nobody, "wrong password", someAddress()).status());
        }
        assertThrottled(login(nobody, "wrong password", someAddress()), 3);
    }

    @Test
    void oneAddressGetsALimitedNumberOfFailedLogins() {
        String attacker = someAddress();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(uniqueEmail("spray"), "wrong password", attacker).status());
        }
        Reply refused = login(uniqueEmail("spray"), "wrong password", attacker);
        assertThrottled(refused, 900);
        assertTrue(refused.json().getString("detail").startsWith("Too many failed logins from this address"), refused::toString);
        assertEquals(401, login(uniqueEmail("spray"), "wrong password", someAddress()).status());
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        // the node trusts 127.0.0.1 only: over IPv6 loopback the peer is ::1, and X-Forwarded-For must not count
        Http untrusted = new Http(java.net.URI.create("http://[::1]:" + http.base().getPort() + "/"));
        String body = "{\"username\":\"x\",\"email\":\"%s\",\"password\":\"" + PASSWORD + "\"}";
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            statuses[i] = untrusted.send(untrusted.request("/api/users/register").header("Content-Type", "application/json")
                    .header("X-Forwarded-For", someAddress())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(String.format(body, uniqueEmail("spoof")))).build()).status();
        }
        assertEquals("[201, 201, 429]", java.util.Arrays.toString(statuses),
                "three registrations from ::1 with three forged addresses are three from one address");
    }

    @Test
    void oneAddressGetsALimitedNumberOfRegistrations() {
        String address = someAddress();
        assertEquals(201, register(uniqueEmail("reg"), address).status());
        assertEquals(201, register(uniqueEmail("reg"), address).status());
        assertThrottled(register(uniqueEmail("reg"), address), 3600);
        assertEquals(201, register(uniqueEmail("reg"), someAddress()).status());
    }
}
