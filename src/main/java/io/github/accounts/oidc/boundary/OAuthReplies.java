package io.github.accounts.oidc.boundary;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** An {@link OAuthReply} as a JAX-RS response, never cached (RFC 6749 5.1). */
final class OAuthReplies {

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
        }
        if (reply.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        reply.cookies().forEach(cookie -> response.header(HttpHeaders.SET_COOKIE, cookie));
        return response.build();
    }
}
