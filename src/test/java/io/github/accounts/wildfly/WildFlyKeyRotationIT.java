package io.github.accounts.wildfly;

import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Await;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.TestDatabase;
import io.github.accounts.support.WildFlyServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A signing key rotated on WildFly: its MicroProfile JWT reads the node's own JWKS over HTTP (configure.cli), so a
 * token signed with the new key is accepted at once, and one signed with the old key still is.
 */
@Tag("wildfly")
class WildFlyKeyRotationIT {

    static final String PASSWORD = "correct horse battery";
    static final String SECRET = "bootstrap-secret-" + java.util.UUID.randomUUID();

    @Test
    void tokensOfARotatedKeyAreAcceptedAtOnceAndOldOnesStillAre() throws Exception {
        String admin = uniqueEmail("rotating-admin");
        // a new key signs two seconds after its rotation here (600 by default), long before WildFly's scheduled
        // re-read of the JWKS: it must learn the key when the first token signed with it arrives
        // the admin logs in with a password alone, explicitly: key rotation, not the second-factor rule, is tested here
        // on a database of its own: on MariaDB the rotation would otherwise reach the Payara nodes running beside it
        Map<String, String> settings = TestDatabase.onOwnDatabase("wildfly_rotation", Map.of("MFA_REQUIRED_FOR_ADMIN", "false", "ADMIN_EMAILS", admin, "ADMIN_BOOTSTRAP_SECRET", SECRET, "JWT_KEY_PUBLISH_AHEAD", "2"));
        try (WildFlyServer server = WildFlyServer.fresh("rotation", settings).start()) {
            Http http = server.http();
            Reply registered = http.register("admin", admin, PASSWORD);
            assertEquals(201, registered.status());
            assertEquals(200, http.bootstrapAdmin(registered.token(), SECRET).status());
            String before = http.login(admin, PASSWORD).token();
            assertEquals(200, http.me(before).status());

            Reply rotated = http.send(http.request("/api/admin/keys/rotate")
                    .header("Authorization", "Bearer " + before)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(202, rotated.status(), rotated::toString);
            String newKid = rotated.json().getString("kid");

            String after = Await.until(() -> http.login(admin, PASSWORD).token(),
                    token -> newKid.equals(Jwt.header(token).getString("kid")), Duration.ofSeconds(30));
            assertEquals(newKid, SignedJWT.parse(after).getHeader().getKeyID(), "the new key did not sign within 30 s");
            assertNotEquals(newKid, SignedJWT.parse(before).getHeader().getKeyID());
            Reply withNewKey = http.me(after);
            assertEquals(200, withNewKey.status(), withNewKey::toString);
            Reply withOldKey = http.me(before);
            assertEquals(200, withOldKey.status(), withOldKey::toString);
        }
    }
}
