package io.github.accounts.revocation.boundary;

import io.github.accounts.problems.boundary.NotAuthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A logged-out token is refused everywhere, whatever the endpoint, before any authorization check. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RevocationFilter implements ContainerRequestFilter {

    @Inject
    Revocations revocations;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token
                && revocations.isRevoked(token.getTokenID())) {
            request.abortWith(new NotAuthenticatedException("This access token has been revoked").problem().toResponse());
        }
    }
}
