package io.github.accounts.oidc.boundary;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An {@link OAuthReply} as a JAX-RS response, never cached (RFC 6749 5.1). Its pages (the login page) get the web
 * page's strict policy but for {@code form-action}: a login posts to the provider and is then redirected to the
 * client, which {@code form-action 'self'} would block.
 */
final class OAuthReplies {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private OAuthReplies() {
    }

    static Response send(OAuthReply reply) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder response = Response.status(reply.status()).cacheControl(noStore).header("Pragma", "no-cache");
        if (reply.location() != null) {
            response.location(reply.location());
        }
        if (reply.body() != null) {
            response.entity(reply.body()).type(reply.contentType());
            if (reply.contentType().startsWith("text/html")) {
                response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("Referrer-Policy", "no-referrer")
                        .header("X-Frame-Options", "DENY");
            }
        }
        if (reply.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        reply.cookies().forEach(cookie -> response.header(HttpHeaders.SET_COOKIE, cookie));
        return response.build();
    }
}
