package io.github.accounts.oidc.boundary;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import java.net.URI;
import java.util.List;

/**
 * What an OAuth endpoint answers, for its resource to send: a status, a body of a type (JSON, HTML) or a redirect,
 * and the cookies to set. Never cached.
 */
public record OAuthReply(int status, String contentType, String body, URI location, List<String> cookies) {

    public static OAuthReply of(HTTPResponse response) {
        String type = response.getEntityContentType() == null ? "application/json" : response.getEntityContentType().toString();
        return new OAuthReply(response.getStatusCode(), type, response.getBody(), null, List.of());
    }

    public static OAuthReply json(int status, String json) {
        return new OAuthReply(status, "application/json", json, null, List.of());
    }

    public static OAuthReply html(int status, String html, List<String> cookies) {
        return new OAuthReply(status, "text/html; charset=utf-8", html, null, cookies);
    }

    public static OAuthReply redirect(URI location, List<String> cookies) {
        return new OAuthReply(303, null, null, location, cookies);
    }
}
