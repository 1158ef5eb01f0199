package io.github.accounts.passkeys.boundary;

import io.github.accounts.sessions.boundary.RefreshCookie;
import io.github.accounts.users.boundary.CallingClient;
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

/** Passwordless login with a discoverable passkey: request options, then the assertion for the usual tokens. */
@Path("users/login/passkey")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class PasskeyLoginResource {

    @EJB
    Passkeys passkeys;

    @Inject
    CallingClient client;

    @Inject
    RefreshCookie cookie;

    @Context
    HttpServletRequest http;

    @POST
    @Path("options")
    @PermitAll
    public Response options() {
        return Response.ok(passkeys.loginOptions()).cacheControl(PasskeysResource.NO_STORE).build();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@NotNull(message = "is required") @Valid PasskeyAssertion assertion) {
        return cookie.respond(Response.Status.OK, passkeys.login(assertion, client.get()), http);
    }
}
