package io.github.accounts;

import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Cores;
import io.github.accounts.support.Http;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.util.Map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a node acknowledged survives the node: users, the signing key, logouts and lockouts, across a crash
 * (SIGKILL) and a restart on the same data directory and database. The restarted node hashes with stronger
 * parameters, and upgrades a user's stored hash at their next login.
 * Its nodes and database are its own, and it mostly waits for them to start: it runs beside the other tests.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = Cores.LOCK, mode = ResourceAccessMode.READ)
class RestartIT {

    static final String PASSWORD = "correct horse battery";
    static final String KEY_ENCRYPTION_KEY = java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

    @Test
    void usersKeysLogoutsAndLockoutsSurviveACrash() throws Exception {
        String email = uniqueEmail("restart");
        String locked = uniqueEmail("locked");
        String loggedOut;
        String stillValid;
        String kid;
        // on a database of its own: the restart encrypts every signing key it finds, which nodes of other tests on the
        // shared database could not read
        MicroServer first = MicroServer.fresh("restart-1", TestDatabase.onOwnDatabase("restart", Map.of("LOGIN_LOCKOUT_SECONDS", "600"))).start();
        try {
            Http http = first.http();
            assertEquals(201, http.register("restart", email, PASSWORD).status());
            assertEquals(201, http.register("locked", locked, PASSWORD).status());
            loggedOut = http.login(email, PASSWORD).token();
            stillValid = http.login(email, PASSWORD).token();
            kid = SignedJWT.parse(stillValid).getHeader().getKeyID();
            assertEquals(200, http.logout(loggedOut).status());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, http.login(locked, "wrong password").status());
            }
            assertEquals(429, http.login(locked, PASSWORD).status());
        } finally {
            first.kill();
        }

        // the restart sets a key-encryption key: the key stored in plain before is encrypted, and still signs
        MicroServer second = first.sameData("restart-2", Map.of("PASSWORD_HASH_ITERATIONS", "3", "KEY_ENCRYPTION_KEY", KEY_ENCRYPTION_KEY));
        try (second) {
            second.start();
            Http http = second.http();
            assertEquals(401, http.me(loggedOut).status(), "a logout must survive the restart");
            assertEquals(200, http.me(stillValid).status(), "tokens signed before the restart must stay valid");
            assertEquals(429, http.login(locked, PASSWORD).status(), "a lockout must survive the restart");
            var login = http.login(email, PASSWORD);
            assertEquals(200, login.status(), "the user must survive the restart");
            assertEquals(kid, SignedJWT.parse(login.token()).getHeader().getKeyID(), "the signing key must survive the restart");
            assertEquals(409, http.register("again", email, PASSWORD).status());
        }
        // as the node left them, before this test opens the database itself
        Path dataDir = Path.of(second.env().get("DATA_DIR"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            }
        }
        String upgraded = TestDatabase.passwordHashOf(second.env(), email);
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=3,p=1$"), upgraded);
        String storedKey = TestDatabase.privateKeyOf(second.env(), kid);
        assertEquals(5, storedKey.split("\\.", -1).length, "a compact JWE, not the JWK: " + storedKey.substring(0, 20));
        assertFalse(storedKey.contains("\"d\""));
    }
}
