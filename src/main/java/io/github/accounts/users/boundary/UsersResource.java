package io.github.accounts.users.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.github.accounts.defense.control.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;

@Path("users")
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    Accounts accounts;

    @Inject
    JsonWebToken token;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest http;

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull(message = "is required") @Valid RegistrationRequest request) {
        return Response.status(Response.Status.CREATED)
                .cacheControl(NO_STORE)
                .entity(TokenResponse.of(accounts.register(request, clientAddress())))
                .build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@NotNull(message = "is required") @Valid LoginRequest request) {
        return Response.ok(TokenResponse.of(accounts.login(request, clientAddress())))
                .cacheControl(NO_STORE)
                .build();
    }

    private String clientAddress() {
        return clientAddresses.clientOf(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    }

    @GET
    @Path("me")
    @RolesAllowed("user")
    public Profile me() {
        return Profile.of(token).orElseGet(() -> accounts.profile(token.getSubject()));
    }

    @DELETE
    @Path("logout")
    @RolesAllowed("user")
    public Response logout() {
        accounts.logout(token.getSubject(), token.getTokenID(), token.getExpirationTime(), clientAddress());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }
}
