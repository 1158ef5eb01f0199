package io.github.accounts.revocation.boundary;

import io.github.accounts.problems.boundary.NotAuthenticatedException;
import io.github.accounts.tokens.control.VerifiedToken;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * What MicroProfile JWT does not check, checked on every request that carries a verified token, before any
 * authorization: the token is not revoked, and its header names no key source (RFC 8725: {@code jku},
 * {@code x5u}, {@code jwk}, {@code x5c} are refused even on a token we signed).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

    static final List<String> KEY_SOURCE_HEADERS = List.of("\"jku\"", "\"x5u\"", "\"jwk\"", "\"x5c\"");

    @EJB
    Revocations revocations;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
            if (revocations.isRevoked(token.getTokenID(), sessionOf(token))) {
                request.abortWith(new NotAuthenticatedException("This access token has been revoked").problem().toResponse());
            } else if (!(token instanceof VerifiedToken) && namesAKeySource(token.getRawToken())) {
                // our own store already refused such headers; only tokens the server's store vouched for need this
                request.abortWith(new NotAuthenticatedException("The access token's header is not acceptable").problem().toResponse());
            }
        }
    }

    /** The {@code sid} claim: a JSON string in a verified token, whichever store verified it. */
    public static String sessionOf(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        return sid instanceof JsonString json ? json.getString() : sid instanceof String text ? text : null;
    }

    static boolean namesAKeySource(String rawToken) {
        if (rawToken == null) {
            return false;
        }
        int dot = rawToken.indexOf('.');
        try {
            String header = new String(Base64.getUrlDecoder().decode(rawToken.substring(0, Math.max(dot, 0))), StandardCharsets.UTF_8);
            return KEY_SOURCE_HEADERS.stream().anyMatch(header::contains);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
