package io.github.accounts.sessions.boundary;

import io.github.accounts.web.control.ClientAddresses;
import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.problems.control.NotAuthenticatedException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("tokens")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @EJB
    Sessions sessions;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    RefreshCookie cookie;

    @Context
    HttpServletRequest http;

    @POST
    @Path("refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refresh(@NotNull(message = "is required") @Valid RefreshRequest request) {
        String refreshToken = cookie.wanted(http)
                ? cookie.from(http).orElseThrow(() -> new NotAuthenticatedException("There is no session cookie"))
                : request.refreshToken();
        if (refreshToken == null || refreshToken.isBlank()) {
            throw InvalidInputException.field("refresh_token", "is required");
        }
        if (!RefreshRequest.fits(refreshToken)) {
            throw InvalidInputException.field("refresh_token", "is not a refresh token");
        }
        return cookie.respond(Response.Status.OK, sessions.refresh(refreshToken, clientAddresses.of(http)), http);
    }
}
