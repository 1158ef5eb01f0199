package io.github.accounts.revocation.boundary;

import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.tokens.control.KeyRing;
import io.github.accounts.tokens.control.VerifiedToken;
import jakarta.inject.Inject;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checked on every request that carries a token the server accepted, before any authorization: this service's own
 * rules accept it ({@link io.github.accounts.tokens.control.TokenVerifier}: a token that our identity store refused
 * and the server's own MicroProfile JWT store, or WildFly's, then accepted is refused all the same), and it is not
 * revoked.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

    /** The one path of this service's API that takes an application's access token (the OpenID Provider's userinfo). */
    static final String USER_INFO = "oidc/userinfo";

    @EJB
    Revocations revocations;

    @Inject
    KeyRing keys;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
            if (!(token instanceof VerifiedToken) && keys.verifier().verify(token.getRawToken()).isEmpty()) {
                request.abortWith(new NotAuthenticatedException("The access token is not acceptable").problem().toResponse());
            } else if (revocations.isRevoked(token.getTokenID(), sessionOf(token))) {
                request.abortWith(new NotAuthenticatedException("This access token has been revoked").problem().toResponse());
            } else if (token.getClaim(TokenIssuer.CLIENT_ID_CLAIM) != null && !USER_INFO.equals(request.getUriInfo().getPath().replaceFirst("^/+", ""))) {
                // an application's token (the OpenID Provider's): it stands for the user at the userinfo endpoint
                // and the resource servers it names, never at the account API (an application would otherwise
                // change the user's password, factors or sessions, or act as an admin)
                request.abortWith(new ProblemException(403, "urn:accounts:problem:application-token", "Forbidden",
                        "This access token was issued to an application: it is good at the userinfo endpoint and at the"
                                + " resource servers it names, not at the account API").problem().toResponse());
            }
        }
    }

    /** The {@code sid} claim: a JSON string in a verified token, whichever store verified it. */
    public static String sessionOf(JsonWebToken token) {
        Object sid = token.getClaim(TokenIssuer.SESSION_CLAIM);
        return sid instanceof JsonString json ? json.getString() : sid instanceof String text ? text : null;
    }
}
