package io.github.accounts.throttling;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.github.accounts.support.Await;
import io.github.accounts.support.Cores;
import io.github.accounts.support.FormBrowser;
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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute-force defense over HTTP. The node trusts the loopback proxy, so each test speaks from addresses of its
 * own through X-Forwarded-For; limits are small so that a test reaches them quickly: 3 failures lock an account
 * for one client, 6 from all clients lock it for clients that never logged in to it, for 5 s at first. The OpenID
 * Provider's login form counts in the same lockouts as the JSON login.
 */
@ResourceLock(Cores.LOCK)
class ThrottlingIT {

    static final String PASSWORD = "correct horse battery";
    static final String INTROSPECTION_SECRET = UUID.randomUUID().toString();
    static final String REGISTRATION_TOKEN = "registration-token-" + UUID.randomUUID();
    static final URI REDIRECT = URI.create("https://app.example.com/callback");
    static MicroServer node;
    static String clientId;
    static Http http;

    @BeforeAll
    static void start() {
        node = MicroServer.fresh("throttling", Map.ofEntries(
                Map.entry("TRUSTED_PROXIES", "127.0.0.1"),
                Map.entry("LOGIN_MAX_FAILURES", "3"),
                Map.entry("LOGIN_ACCOUNT_MAX_FAILURES", "6"),
                Map.entry("LOGIN_LOCKOUT_SECONDS", "5"),
                Map.entry("LOGIN_IP_MAX_FAILURES", "10"),
                Map.entry("REGISTER_IP_LIMIT", "2"),
                Map.entry("PASSWORD_RESET_IP_LIMIT", "2"),
                Map.entry("OIDC_REGISTRATION_TOKEN", REGISTRATION_TOKEN),
                Map.entry("INTROSPECTION_CLIENTS", "resource-server:sha256:" + HexFormat.of().formatHex(sha256(INTROSPECTION_SECRET))),
                Map.entry("INTROSPECTION_IP_MAX_FAILURES", "3"),
                // a burst here must meet the throttle, not the bounded wait for a core (tested on a node of its own)
                Map.entry("PASSWORD_HASH_WAIT_MILLIS", "10000"))).start();
        http = node.http();
        Reply client = http.send(http.request("/api/oidc/register").header("Authorization", "Bearer " + REGISTRATION_TOKEN)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("redirect_uris", Json.createArrayBuilder().add(REDIRECT.toString())).build().toString())).build());
        assertEquals(201, client.status(), client::toString);
        clientId = client.json().getString("client_id");
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

    /** A JSON POST that the trusted proxy (this test) says comes from {@code from}. */
    static Reply postFrom(String path, JsonObject body, String from) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("X-Forwarded-For", from).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    static Reply login(String email, String password, String from) {
        return postFrom("/api/users/login", Json.createObjectBuilder().add("email", email).add("password", password).build(), from);
    }

    static Reply register(String email, String from) {
        return postFrom("/api/users/register", Json.createObjectBuilder().add("username", "throttled").add("email", email)
                .add("password", PASSWORD).build(), from);
    }

    static Reply passwordReset(String email, String from) {
        return postFrom("/api/users/password-reset", Json.createObjectBuilder().add("email", email).build(), from);
    }

    static String registered() {
        String email = uniqueEmail("throttle");
        assertEquals(201, register(email, someAddress()).status());
        return email;
    }

    /** Waits (bounded) until the attempt gives anything but 429: a lockout runs out by time alone. */
    static Reply awaitUnlocked(Supplier<Reply> attempt) {
        return Await.until(attempt, reply -> reply.status() != 429, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    /**
     * Per-address limits count in fixed windows (15 minutes, an hour): a test that reaches one must not straddle
     * the end of a window, so close to it this waits (bounded by the margin) for the next one.
     */
    static void awaitFreshWindow(long windowSeconds) {
        long margin = 45;
        long left = windowSeconds - Instant.now().getEpochSecond() % windowSeconds;
        if (left < margin) {
            Instant next = Instant.now().plusSeconds(left);
            while (Instant.now().isBefore(next.plusMillis(200))) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
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
    void consecutiveFailuresLockTheAccountForThatClientEvenForTheRightPasswordUntilItRunsOut() {
        String email = registered();
        String client = someAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", client).status());
        }
        assertThrottled(login(email, PASSWORD, client), 5);

        assertEquals(200, awaitUnlocked(() -> login(email, PASSWORD, client)).status());
        // the success reset the streak: three more failures lock for the base time again, not double
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", client).status());
        }
        assertThrottled(login(email, PASSWORD, client), 5);
    }

    @Test
    void eachFurtherStreakDoublesTheLockout() {
        String email = registered();
        String client = someAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", client).status());
        }
        assertThrottled(login(email, "wrong password", client), 5);
        // the first attempt after the lockout is the first failure of the next streak
        assertEquals(401, awaitUnlocked(() -> login(email, "wrong password", client)).status());
        assertEquals(401, login(email, "wrong password", client).status());
        assertEquals(401, login(email, "wrong password", client).status());
        // twice the base time of 5 s: more than the base could ever give
        assertThrottled(login(email, PASSWORD, client), 6, 10);
    }

    @Test
    void unknownAccountsLockAlikeSoLockoutsRevealNothing() {
        String nobody = uniqueEmail("nobody");
        String client = someAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(nobody, "wrong password", client).status());
        }
        assertThrottled(login(nobody, "wrong password", client), 5);
    }

    /** An authorization request of the OpenID Provider that shows its login page. */
    static URI authorization() {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), new ClientID(clientId), REDIRECT)
                .endpointURI(http.base().resolve("/api/oidc/authorize")).state(new State()).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build().toURI();
    }

    static void assertFormThrottled(Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertNull(reply.header("Location"), "a throttled form sends nobody back to the client");
        assertTrue(reply.body().contains("Too many attempts"), reply::body);
    }

    @Test
    void wrongPasswordsOnTheProviderLoginFormLockTheAccountForTheJsonLoginToo() {
        String email = registered();
        String client = someAddress();
        FormBrowser browser = new FormBrowser(http, client);
        for (int i = 0; i < 3; i++) {
            Reply wrong = browser.signIn(authorization(), email, "wrong password");
            assertEquals(401, wrong.status(), wrong::toString);
        }
        assertFormThrottled(browser.signIn(authorization(), email, PASSWORD));
        assertThrottled(login(email, PASSWORD, client), 5);
        assertEquals(200, login(email, PASSWORD, someAddress()).status(), "the owner, from another address");
    }

    @Test
    void wrongPasswordsThroughTheJsonLoginLockTheProviderLoginFormUntilTheLockoutRunsOut() {
        String email = registered();
        String client = someAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", client).status());
        }
        assertFormThrottled(new FormBrowser(http, client).signIn(authorization(), email, PASSWORD));
        Reply signedIn = awaitUnlocked(() -> new FormBrowser(http, client).signIn(authorization(), email, PASSWORD));
        assertEquals(303, signedIn.status(), signedIn::toString);
        assertTrue(signedIn.header("Location").startsWith(REDIRECT + "?code="), signedIn.header("Location"));
    }

    /** Review #14, point 8: five bad guesses must not keep the owner out. */
    @Test
    void aStrangersLockoutKeepsOutTheStrangerButNotTheOwner() {
        String email = registered();
        String attacker = someAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(email, "wrong password", attacker).status());
        }
        assertThrottled(login(email, PASSWORD, attacker), 5);
        assertEquals(200, login(email, PASSWORD, someAddress()).status(), "the owner, from an address never seen before");
        assertThrottled(login(email, PASSWORD, attacker), 5);
    }

    /** Review #14, point 8: guesses spread over many addresses meet the account's ceiling, which spares known clients. */
    @Test
    void guessesFromManyAddressesLockTheAccountForEveryClientButOneThatLoggedInBefore() {
        String email = registered();
        String owner = someAddress();
        assertEquals(200, login(email, PASSWORD, owner).status());
        for (int i = 0; i < 6; i++) {
            assertEquals(401, login(email, "wrong password", someAddress()).status(), "guess " + (i + 1));
        }
        assertThrottled(login(email, PASSWORD, someAddress()), 5);
        assertEquals(200, login(email, PASSWORD, owner).status(), "the owner's client logged in to this account before");
        assertThrottled(login(email, PASSWORD, someAddress()), 5);
    }

    /** Review #14, point 2: attempts are counted before the hash, so a parallel burst checks at most the limit. */
    @Test
    void aParallelBurstOfGuessesChecksNoMoreThanTheLimit() throws Exception {
        String email = registered();
        String attacker = someAddress();
        List<Reply> replies = Together.each(24, i -> login(email, "wrong password " + i, attacker));
        long checked = replies.stream().filter(r -> r.status() == 401).count();
        assertTrue(checked <= 3, checked + " guesses checked: " + statuses(replies));
        for (Reply reply : replies) {
            if (reply.status() != 401) {
                assertThrottled(reply, 5);
            }
        }
        assertThrottled(login(email, PASSWORD, attacker), 5);
        assertEquals(200, login(email, PASSWORD, someAddress()).status());
    }

    /** Each success settles its reservation: more successes in a row than the limit are never refused. */
    @Test
    void successesReleaseTheirReservations() {
        String email = registered();
        String client = someAddress();
        assertEquals(401, login(email, "wrong password", client).status());
        assertEquals(401, login(email, "wrong password", client).status());
        for (int i = 0; i < 6; i++) {
            assertEquals(200, login(email, PASSWORD, client).status(), "success " + (i + 1));
        }
    }

    @Test
    void oneAddressGetsALimitedNumberOfFailedLogins() {
        awaitFreshWindow(900);
        String attacker = someAddress();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login(uniqueEmail("spray"), "wrong password", attacker).status());
        }
        Reply refused = login(uniqueEmail("spray"), "wrong password", attacker);
        assertThrottled(refused, 900);
        assertTrue(refused.json().getString("detail").startsWith("Too many failed logins from this address"), refused::toString);
        assertEquals(401, login(uniqueEmail("spray"), "wrong password", someAddress()).status());
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        awaitFreshWindow(3600);
        // the node trusts 127.0.0.1 only: over IPv6 loopback the peer is ::1, and X-Forwarded-For must not count
        Http untrusted = new Http(java.net.URI.create("http://[::1]:" + http.base().getPort() + "/"));
        String body = "{\"username\":\"x\",\"email\":\"%s\",\"password\":\"" + PASSWORD + "\"}";
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            statuses[i] = untrusted.send(untrusted.request("/api/users/register").header("Content-Type", "application/json")
                    .header("X-Forwarded-For", someAddress())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(String.format(body, uniqueEmail("spoof")))).build()).status();
        }
        // three from one address: at most two of them get in, the third never (on a database an earlier run of this
        // hour filled, none does); honoured forged addresses would let all three in
        String seen = java.util.Arrays.toString(statuses);
        assertTrue(List.of("[201, 201, 429]", "[201, 429, 429]", "[429, 429, 429]").contains(seen),
                "three registrations from ::1 with three forged addresses are three from one address: " + seen);
    }

    @Test
    void oneAddressGetsALimitedNumberOfRegistrations() {
        awaitFreshWindow(3600);
        String address = someAddress();
        assertEquals(201, register(uniqueEmail("reg"), address).status());
        assertEquals(201, register(uniqueEmail("reg"), address).status());
        assertThrottled(register(uniqueEmail("reg"), address), 3600);
        assertEquals(201, register(uniqueEmail("reg"), someAddress()).status());
    }

    /** Issue #17: one client asks for a limited number of password resets, for addresses that exist or not alike. */
    @Test
    void oneAddressGetsALimitedNumberOfPasswordResets() {
        awaitFreshWindow(3600);
        String address = someAddress();
        Reply known = passwordReset(registered(), address);
        Reply unknown = passwordReset(uniqueEmail("nobody"), address);
        assertEquals(202, known.status(), known::toString);
        assertEquals(202, unknown.status(), unknown::toString);
        assertEquals(known.body(), unknown.body(), "the same answer whether or not the address exists");
        assertThrottled(passwordReset(uniqueEmail("nobody"), address), 3600);
        assertThrottled(passwordReset(registered(), address), 3600);
        assertEquals(202, passwordReset(uniqueEmail("nobody"), someAddress()).status(), "another client is not throttled");
    }

    /** Review #14, point 3: an IPv6 client is counted by its /64. */
    @Test
    void theAddressesOfOneIpv6Slash64AreOneClientForRegistrations() {
        awaitFreshWindow(3600);
        String network = someIpv6Network();
        assertEquals(201, register(uniqueEmail("reg6"), network + ":1").status());
        assertEquals(201, register(uniqueEmail("reg6"), network + "a:b:c:d").status());
        for (int i = 0; i < 10; i++) {
            assertThrottled(register(uniqueEmail("reg6"), network + Integer.toHexString(i + 2) + ":" + Integer.toHexString(i * 977) + "::9"), 3600);
        }
        assertEquals(201, register(uniqueEmail("reg6"), someIpv6Network() + ":1").status(), "another /64");
    }

    /** Review #14, point 3: the per-address limit on failed logins counts a /64 too. */
    @Test
    void theAddressesOfOneIpv6Slash64AreOneClientForFailedLogins() {
        awaitFreshWindow(900);
        String network = someIpv6Network();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login(uniqueEmail("spray6"), "wrong password", network + ":" + Integer.toHexString(i + 1)).status());
        }
        Reply refused = login(uniqueEmail("spray6"), "wrong password", network + "ffff:1:2:3");
        assertThrottled(refused, 900);
        assertTrue(refused.json().getString("detail").startsWith("Too many failed logins from this address"), refused::toString);
        assertEquals(401, login(uniqueEmail("spray6"), "wrong password", someIpv6Network() + ":1").status());
    }

    /** Review #14, point 15: a hashed secret in the setting, and failed Basic credentials throttled per address. */
    @Test
    void failedIntrospectionCredentialsAreThrottledPerAddress() {
        awaitFreshWindow(900);
        String from = someAddress();
        assertEquals(200, introspect("resource-server:" + INTROSPECTION_SECRET, from).status(), "the secret whose SHA-256 is configured");
        String hex = HexFormat.of().formatHex(sha256(INTROSPECTION_SECRET));
        assertEquals(401, introspect("resource-server:sha256:" + hex, from).status(), "the setting's value is no secret");
        assertEquals(401, introspect("resource-server:guess", from).status());
        assertEquals(401, introspect("nobody:" + INTROSPECTION_SECRET, from).status());
        assertThrottled(introspect("resource-server:guess", from), 900);
        Reply right = introspect("resource-server:" + INTROSPECTION_SECRET, from);
        assertThrottled(right, 900);
        assertTrue(right.json().getString("detail").startsWith("Too many failed introspection credentials"), right::toString);
        assertEquals(200, introspect("resource-server:" + INTROSPECTION_SECRET, someAddress()).status());
    }

    static Reply introspect(String credentials, String from) {
        return http.send(http.request("/api/oauth/introspect").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=not-a-token")).build());
    }

    /** {@code 2001:db8:xxxx:yyyy:}, a random /64 of the documentation range: append the interface part (4 groups, or {@code :1}). */
    static String someIpv6Network() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000)) + ":";
    }

    static String statuses(List<Reply> replies) {
        return replies.stream().map(r -> String.valueOf(r.status())).sorted().toList().toString();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
