package io.github.accounts.sessions.boundary;

import io.github.accounts.defense.control.ClientAddresses;
import io.github.accounts.users.boundary.TokenResponse;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("tokens")
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    Sessions sessions;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest http;

    @POST
    @Path("refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refresh(@NotNull(message = "is required") @Valid RefreshRequest request) {
        return Response.ok(TokenResponse.of(sessions.refresh(request.refreshToken(), clientAddresses.of(http))))
                .cacheControl(CacheControl.valueOf("no-store"))
                .build();
    }
}
