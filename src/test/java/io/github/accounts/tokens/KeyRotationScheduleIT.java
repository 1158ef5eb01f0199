package io.github.accounts.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Await;
import io.github.accounts.support.Http;
import io.github.accounts.support.TestDatabase;
import io.github.accounts.support.MicroServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JWT_KEY_ROTATE_AFTER: with no one asking, the signing key is replaced once it is old enough. On a database of its
 * own (its rotations would reach every node sharing the test database); it mostly waits, so it runs beside the
 * other tests.
 */
@Execution(ExecutionMode.CONCURRENT)
class KeyRotationScheduleIT {

    static final String PASSWORD = "correct horse battery";

    static Map<String, String> settings() {
        return TestDatabase.onOwnDatabase("rotation", Map.of("JWT_KEY_ROTATE_AFTER", "5", "JWT_KEY_PUBLISH_AHEAD", "2"));
    }

    @Test
    void anOldKeyIsRotatedOnScheduleItsTokensStayValidAndItsPrivatePartIsDeleted() throws Exception {
        String firstKid;
        MicroServer stopped;
        try (MicroServer node = MicroServer.fresh("rotation", settings()).start()) {
            Http http = node.http();
            String email = uniqueEmail("rotation");
            String first = http.register("rotation", email, PASSWORD).token();
            firstKid = SignedJWT.parse(first).getHeader().getKeyID();
            String oldKid = firstKid;

            String kid = Await.until(() -> SsoIT.safeKid(http.login(email, PASSWORD).token()), k -> !oldKid.equals(k), Duration.ofSeconds(60));
            assertNotEquals(firstKid, kid, "no new key signed within a minute");
            JWKSet published = JWKSet.parse(http.send(http.request("/.well-known/jwks.json").GET().build()).body());
            assertTrue(published.getKeyByKeyId(firstKid) != null, "the old key stays published while its tokens live");
            assertEquals(200, http.me(first).status());

            // a newer key has signed for 30 s (JWT_KEY_PUBLISH_AHEAD, at least 30 s): the old one can sign no more
            List<String> log = Await.until(node::logLines, lines -> lines.stream().anyMatch(l -> l.contains("signing key " + oldKid + " retired")),
                    Duration.ofSeconds(90));
            assertTrue(log.stream().anyMatch(l -> l.contains("signing key " + oldKid + " retired")), "the old key was not retired");
            assertEquals(200, http.me(first).status(), "its tokens still verify with the public part");
            stopped = node;
        }
        assertNull(TestDatabase.privateKeyOf(stopped.env(), firstKid), "the retired private key is gone from the database");
    }
}
