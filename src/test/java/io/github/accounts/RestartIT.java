package io.github.accounts;

import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.support.Http;
import io.github.accounts.support.MicroServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a node acknowledged survives the node: users, the signing key and logouts, across a crash (SIGKILL)
 * and a restart on the same data directory and database, with no configuration at all.
 */
class RestartIT {

    static final String PASSWORD = "correct horse battery";

    @Test
    void usersKeysAndLogoutsSurviveACrash() throws Exception {
        String email = uniqueEmail("restart");
        String loggedOut;
        String stillValid;
        String kid;
        MicroServer first = MicroServer.fresh("restart-1", Map.of()).start();
        try {
            Http http = first.http();
            assertEquals(201, http.register("restart", email, PASSWORD).status());
            loggedOut = http.login(email, PASSWORD).token();
            stillValid = http.login(email, PASSWORD).token();
            kid = SignedJWT.parse(stillValid).getHeader().getKeyID();
            assertEquals(200, http.logout(loggedOut).status());
        } finally {
            first.kill();
        }

        try (MicroServer second = first.sameData("restart-2").start()) {
            Http http = second.http();
            assertEquals(401, http.me(loggedOut).status(), "a logout must survive the restart");
            assertEquals(200, http.me(stillValid).status(), "tokens signed before the restart must stay valid");
            var login = http.login(email, PASSWORD);
            assertEquals(200, login.status(), "the user must survive the restart");
            assertEquals(kid, SignedJWT.parse(login.token()).getHeader().getKeyID(), "the signing key must survive the restart");
            assertEquals(409, http.register("again", email, PASSWORD).status());
        }
    }
}
