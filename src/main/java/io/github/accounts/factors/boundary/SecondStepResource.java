package io.github.accounts.factors.boundary;

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

/**
 * {@code POST /api/users/login/mfa}: the second step of a login, the mfa_token and a code for the usual tokens; or
 * with a passkey: its request options ({@code passkey/options}), then its assertion ({@code passkey}).
 */
@Path("users/login/mfa")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class SecondStepResource {

    @EJB
    SecondStep secondStep;

    @Inject
    CallingClient client;

    @Inject
    RefreshCookie cookie;

    @Context
    HttpServletRequest http;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(@NotNull(message = "is required") @Valid MfaLogin login) {
        return cookie.respond(Response.Status.OK, secondStep.complete(login, client.get()), http);
    }

    @POST
    @Path("passkey/options")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response passkeyOptions(@NotNull(message = "is required") @Valid MfaToken token) {
        return Response.ok(secondStep.passkeyOptions(token.mfaToken(), client.get())).cacheControl(FactorsResource.NO_STORE).build();
    }

    @POST
    @Path("passkey")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response completeWithPasskey(@NotNull(message = "is required") @Valid MfaPasskeyLogin login) {
        return cookie.respond(Response.Status.OK, secondStep.completeWithPasskey(login, client.get()), http);
    }
}
