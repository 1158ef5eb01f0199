package io.github.accounts.sessions;

import io.github.accounts.support.StandardNode;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser's refresh token travels in a {@code __Secure-} cookie that script cannot read. */
class RefreshCookieIT {

    final Http http = StandardNode.http();

    Reply viaCookie(String path, String body, String cookie) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json").header("X-Token-Transport", "cookie")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send((cookie == null ? request : request.header("Cookie", cookie)).build());
    }

    @Test
    void theRefreshCookieIsSecurePrefixedHttpOnlyAndStrict() {
        String email = uniqueEmail("cookie");
        Reply registered = viaCookie("/api/users/register", Json.createObjectBuilder().add("username", "cookie").add("email", email)
                .add("password", "correct horse battery").build().toString(), null);
        assertEquals(201, registered.status(), registered::toString);
        assertFalse(registered.json().containsKey("refresh_token"), "never in the body when it travels in the cookie");
        String setCookie = registered.header("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith("__Secure-accounts_refresh="), setCookie);
        for (String attribute : new String[] {"Secure", "HttpOnly", "SameSite=Strict", "Path=/api/tokens"}) {
            assertTrue(setCookie.contains(attribute), attribute + " missing: " + setCookie);
        }

        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Reply refreshed = viaCookie("/api/tokens/refresh", "{}", cookie);
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals(401, viaCookie("/api/tokens/refresh", "{}", cookie.replace("__Secure-", "")).status(),
                "the unprefixed name is not read where the cookie is Secure");
    }
}
