package io.github.accounts.tokens.boundary;

import io.github.accounts.problems.control.NotAuthenticatedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified access token of the current request, whichever identity store vouched for it
 * ({@link AccessTokenStore}, or the server's own MicroProfile JWT store): the caller principal itself.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    public JsonWebToken token() {
        if (request.getUserPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new NotAuthenticatedException("A valid access token is required");
    }
}
