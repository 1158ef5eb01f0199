package io.github.accounts.tokens;

import io.github.accounts.support.Http;
import io.github.accounts.support.StandardNode;
import io.github.accounts.support.Http.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the service publishes comes from its configuration (PUBLIC_URL), never from what a request claims: on the
 * standard node, published as https://standard.test and reached over plain http on loopback. The database plays no
 * part: the MariaDB run leaves the class out.
 */
@Tag("database-agnostic")
class DiscoveryIT {

    final Http http = StandardNode.http();

    /** A raw HTTP/1.1 request, since Java's HTTP client will not send a Host header of the caller's choice. */
    String rawGet(String path, String headers) throws Exception {
        try (Socket socket = new Socket(http.base().getHost(), http.base().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void discoveryIgnoresTheHostAndForwardedHeaders() throws Exception {
        String response = rawGet("/.well-known/openid-configuration",
                "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (response.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
        }
        JsonObject configuration = Json.createReader(new StringReader(body)).readObject();
        // published over https: neither the claimed host nor the claimed scheme (http) shows
        assertEquals(StandardNode.ISSUER + "/.well-known/jwks.json", configuration.getString("jwks_uri"));
        assertEquals(StandardNode.ISSUER + "/api/oauth/introspect", configuration.getString("introspection_endpoint"));
        assertTrue(!body.contains("evil.example"), body);
    }

    @Test
    void strictTransportSecurityFollowsThePublishedSchemeNotTheConnection() {
        Reply reply = http.send(http.request("/.well-known/jwks.json").GET().build());
        assertEquals(200, reply.status());
        assertEquals("max-age=31536000", reply.header("Strict-Transport-Security"), "published over https, asked over http");
    }
}
