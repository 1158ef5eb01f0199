package io.github.accounts.operations;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import com.sun.net.httpserver.HttpServer;
import io.github.accounts.support.Await;
import io.github.accounts.support.Cores;
import io.github.accounts.support.FormBrowser;
import io.github.accounts.support.Http;
import io.github.accounts.support.LoopbackCluster;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.StandardNode;
import io.github.accounts.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import jakarta.json.JsonObject;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nodes on one MariaDB database: what one does, the others know — a logout on A is refused by B within a
 * second; a node that starts later learns the revocations; killing a node loses nothing. Once with nodes started
 * with {@code --nocluster} (the database carries the news), once with nodes forming a Payara data grid on loopback
 * (the grid carries it; the database pull is slowed down to ten minutes so it cannot). Back-channel logouts
 * owed to an OpenID Connect client are posted once, whichever node takes them.
 */
@Tag("mariadb")
@ResourceLock(Cores.LOCK)
class ClusterIT {

    static final String PASSWORD = "correct horse battery";

    @Test
    void clusteredNodesShareLogoutsThroughTheDataGrid() {
        assertTrue(TestDatabase.external(), "needs the mariadb profile");
        String email = uniqueEmail("grid");
        LoopbackCluster cluster = LoopbackCluster.of(3);
        Map<String, String> slowPull = Map.of("REVOCATION_PULL_MILLIS", "600000");
        try (MicroServer a = MicroServer.fresh("grid-a", slowPull).joining(cluster, 0).start();
             MicroServer b = MicroServer.fresh("grid-b", slowPull).joining(cluster, 1).start()) {
            assertTrue(b.logLines().stream().anyMatch(line -> line.contains("data grid, cluster '" + cluster.name() + "' with 2 member(s)")),
                    "B joined A's grid; see " + b.log().toAbsolutePath());
            assertGridReady(a, 2);
            assertGridReady(b, 2);
            Http onA = a.http();
            Http onB = b.http();
            assertEquals(201, onA.register("grid", email, PASSWORD).status());
            String token = onB.login(email, PASSWORD).token();
            String other = onB.login(email, PASSWORD).token();
            String third = onA.login(email, PASSWORD).token();
            assertEquals(200, onB.me(token).status());

            assertEquals(200, onA.logout(token).status());
            assertRefusedWithinASecond(onB, token);

            try (MicroServer c = MicroServer.fresh("grid-c", slowPull).joining(cluster, 2).start()) {
                Http onC = c.http();
                assertEquals(401, onC.me(token).status(), "a node that joins later knows the logout");
                assertEquals(200, onC.me(other).status());

                a.kill();
                assertEquals(401, onB.me(token).status(), "killing a node loses nothing");
                assertEquals(200, onB.me(third).status());
                assertEquals(200, onC.logout(other).status());
                assertRefusedWithinASecond(onB, other);
                assertEquals(200, onC.me(third).status());
            }
        }
    }

    private static void assertGridReady(MicroServer node, int members) {
        Http.Reply ready = node.http().send(node.http().request("/health/ready").GET().build());
        assertEquals(200, ready.status(), ready.body());
        JsonObject grid = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "data-grid".equals(check.getString("name"))).findFirst().orElseThrow();
        assertEquals("UP", grid.getString("status"));
        assertEquals(String.valueOf(members), grid.getJsonObject("data").get("members").toString().replace("\"", ""), grid.toString());
    }

    private static void assertRefusedWithinASecond(Http node, String token) {
        Instant loggedOut = Instant.now();
        int status = Await.until(() -> node.me(token).status(), answer -> answer != 200, Duration.ofSeconds(5), Duration.ofMillis(20));
        Duration took = Duration.between(loggedOut, Instant.now());
        assertEquals(401, status);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "refused only after " + took.toMillis() + " ms");
    }

    /**
     * A revocation and a session end stamped a day in the past, as a node whose clock is a day behind (or a commit
     * landing long after its timestamp) writes them, still reach the other node: news travels by the database's
     * event numbers, not by time. Triggers on the test database take the day off every revoked_at and ended_at.
     */
    @Test
    void aRevocationStampedFarInThePastStillReachesTheOtherNode() throws SQLException {
        assertTrue(TestDatabase.external(), "needs the mariadb profile");
        String email = uniqueEmail("skew");
        Http onA = StandardNode.http();
        Http onB = StandardNode.peer().http();
        assertEquals(201, onA.register("skew", email, PASSWORD).status());
        String token = onB.login(email, PASSWORD).token();
        String keeping = onB.login(email, PASSWORD).token();
        String other = onB.login(email, PASSWORD).token();
        assertEquals(200, onA.me(token).status());
        assertEquals(200, onB.me(other).status());
        try (Connection database = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user", ""), System.getProperty("it.db.password", ""));
             Statement sql = database.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS it_revoked_a_day_ago");
            sql.execute("DROP TRIGGER IF EXISTS it_ended_a_day_ago");
            sql.execute("CREATE TRIGGER it_revoked_a_day_ago BEFORE INSERT ON revoked_token FOR EACH ROW "
                    + "SET NEW.revoked_at = NEW.revoked_at - 86400");
            sql.execute("CREATE TRIGGER it_ended_a_day_ago BEFORE UPDATE ON user_session FOR EACH ROW "
                    + "SET NEW.ended_at = IF(OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL, NEW.ended_at - 86400, NEW.ended_at)");
            try {
                assertEquals(200, onA.logout(token).status());
                assertRefusedWithinASecond(onB, token);
                Http.Reply others = onA.send(onA.request("/api/users/logout?scope=others")
                        .header("Authorization", "Bearer " + keeping).DELETE().build());
                assertEquals(200, others.status(), others::toString);
                assertRefusedWithinASecond(onB, other);
                assertEquals(200, onB.me(keeping).status());
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS it_revoked_a_day_ago");
                sql.execute("DROP TRIGGER IF EXISTS it_ended_a_day_ago");
            }
        }
    }

    /**
     * A node started for this test (C) beside the two standard nodes (A and B) on the same database. C starts after
     * records it must purge are written; a logout on C is refused by B within a second; C is then killed, and what
     * it acknowledged is still known. (A node that starts after a logout knows it: RestartIT, and the grid test.)
     */
    @Test
    void nodesSharingADatabaseShareUsersSessionsAndLogouts() {
        assertTrue(TestDatabase.external(), "needs the mariadb profile");
        String email = uniqueEmail("cluster");
        // records a node that starts must purge: a login record quiet for two days, an expired counter
        String quiet = "quiet-" + uniqueEmail("purge");
        String recent = "recent-" + uniqueEmail("purge");
        long now = java.time.Instant.now().getEpochSecond();
        execute("INSERT INTO login_failure (email_key, failures, streaks, locked_until, updated_at, in_flight, reserved_at) VALUES ('"
                + quiet + "', 1, 0, 0, " + (now - 2 * 86_400) + ", 0, 0), ('" + recent + "', 1, 0, 0, " + now + ", 0, 0)");
        execute("INSERT INTO rate_counter (bucket, hits, expires_at) VALUES ('it-expired|" + quiet + "', 1, 1)");
        Http onA = StandardNode.http();
        Http onB = StandardNode.peer().http();
        try (MicroServer c = MicroServer.fresh("cluster-c", StandardNode.SETTINGS).start()) {
            assertEquals(0, count("SELECT COUNT(*) FROM login_failure WHERE email_key = '" + quiet + "'"), "purged at startup");
            assertEquals(0, count("SELECT COUNT(*) FROM rate_counter WHERE bucket = 'it-expired|" + quiet + "'"));
            assertEquals(1, count("SELECT COUNT(*) FROM login_failure WHERE email_key = '" + recent + "'"), "a recent record stays");

            Http onC = c.http();
            assertEquals(201, onA.register("cluster", email, PASSWORD).status());
            String token = onB.login(email, PASSWORD).token();
            String other = onB.login(email, PASSWORD).token();
            assertEquals(200, onC.me(token).status(), "a token from B is good on C");
            assertEquals(200, onA.me(token).status(), "and on A");

            assertEquals(200, onC.logout(token).status());
            assertRefusedWithinASecond(onB, token);
            assertRefusedWithinASecond(onA, token);

            c.kill();
            assertEquals(401, onB.me(token).status(), "killing the node that logged out loses nothing");
            assertEquals(200, onB.me(other).status());
            assertEquals(200, onB.login(email, PASSWORD).status());
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", ""),
                System.getProperty("it.db.password", ""));
    }

    /**
     * Back-channel logouts wait in the database; every node on it claims due ones, and a claim is a conditional
     * update: each logout token reaches the client once, whichever node posts it.
     */
    @Test
    void nodesSharingADatabasePostEachBackChannelLogoutOnce() throws Exception {
        assertTrue(TestDatabase.external(), "needs the mariadb profile");
        Http onA = StandardNode.http();
        Http onB = StandardNode.peer().http();
        List<String> jtis = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                jtis.add(SignedJWT.parse(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8)).getJWTClaimsSet().getJWTID());
            } catch (ParseException | RuntimeException e) {
                jtis.add("unreadable: " + body);
            }
            // a slow client: a notice stays claimed and unsent for a while, across the other node's rounds
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ExecutorService handlers = Executors.newCachedThreadPool();
        receiver.setExecutor(handlers);
        receiver.start();
        try {
            OIDCClientMetadata metadata = new OIDCClientMetadata();
            metadata.setRedirectionURI(REDIRECT);
            metadata.setBackChannelLogoutURI(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel"));
            ClientRegistrationResponse registered = OIDCClientRegistrationResponseParser.parse(new OIDCClientRegistrationRequest(
                    onA.base().resolve("/api/oidc/register"), metadata, new BearerAccessToken(StandardNode.adminToken())).toHTTPRequest().send());
            assertTrue(registered.indicatesSuccess(), () -> registered.toErrorResponse().getErrorObject().toString());
            OIDCClientInformation client = ((OIDCClientInformationResponse) registered).getOIDCClientInformation();
            String email = uniqueEmail("backchannel");
            assertEquals(201, onA.register("backchannel", email, PASSWORD).status());

            // ten sessions of the client from one browser sign-in (single sign-on), on either node; one logout ends them all
            FormBrowser browser = new FormBrowser(onA);
            for (int i = 0; i < 10; i++) {
                clientSession(browser, i % 2 == 0 ? onA : onB, client, email, i == 0);
            }
            endAllSessions(onA, email);
            Await.until(() -> Set.copyOf(jtis).size(), size -> size >= 10);
            // a last one, told after the others: by the time it arrives every node has had rounds to post a repeat
            clientSession(new FormBrowser(onB), onB, client, email, true);
            endAllSessions(onB, email);
            Await.until(() -> Set.copyOf(jtis).size(), size -> size >= 11);
            synchronized (jtis) {
                assertEquals(11, jtis.size(), "each logout token posted once: " + jtis);
            }
        } finally {
            receiver.stop(0);
            handlers.shutdownNow();
        }
    }

    static final URI REDIRECT = URI.create("https://app.example.com/callback");

    /** A session of {@code client} through the code flow on {@code node}: signing in on the form, or by single sign-on. */
    static void clientSession(FormBrowser browser, Http node, OIDCClientInformation client, String email, boolean signIn) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), client.getID(), REDIRECT)
                .endpointURI(node.base().resolve("/api/oidc/authorize")).state(new State()).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        Http.Reply answer = signIn ? browser.signIn(authorization, email, PASSWORD) : browser.get(authorization);
        assertEquals(303, answer.status(), answer::toString);
        AuthorizationCode code = AuthorizationResponse.parse(URI.create(answer.header("Location"))).toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = TokenResponse.parse(new TokenRequest(node.base().resolve("/api/oidc/token"),
                new ClientSecretBasic(client.getID(), client.getSecret()), new AuthorizationCodeGrant(code, REDIRECT, verifier)).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
    }

    static void endAllSessions(Http node, String email) {
        String token = node.login(email, PASSWORD).token();
        assertEquals(200, node.send(node.request("/api/users/logout?scope=global").header("Authorization", "Bearer " + token).DELETE().build()).status());
    }

    static void execute(String statement) {
        try (Connection database = database(); Statement sql = database.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String query) {
        try (Connection database = database(); Statement sql = database.createStatement(); java.sql.ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
