package io.github.accounts.tokens;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service publishes comes from its configuration (PUBLIC_URL), never from what a request claims. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiscoveryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war", "target/accounts.war")));
    }

    @ArquillianResource
    URL url;

    URI base;

    @BeforeEach
    void client() throws Exception {
        URI uri = url.toURI();
        base = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null);
    }

    /** A raw HTTP/1.1 request, since Java's HTTP client will not send a Host header of the caller's choice. */
    String rawGet(String path, String headers) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
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
                "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (response.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
        }
        JsonObject configuration = Json.createReader(new StringReader(body)).readObject();
        // the default PUBLIC_URL of the integration tests' node
        assertEquals("http://localhost:8080/.well-known/jwks.json", configuration.getString("jwks_uri"));
        assertEquals("http://localhost:8080/api/oauth/introspect", configuration.getString("introspection_endpoint"));
        assertTrue(!body.contains("evil.example"), body);
    }

    @Test
    void noStrictTransportSecurityWhenPublishedOverPlainHttp() {
        Reply reply = new Http(base).send(new Http(base).request("/.well-known/jwks.json").GET().build());
        assertEquals(200, reply.status());
        assertNull(reply.header("Strict-Transport-Security"));
    }
}
