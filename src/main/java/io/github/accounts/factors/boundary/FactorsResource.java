package io.github.accounts.factors.boundary;

import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.revocation.boundary.AccessTokenFilter;
import io.github.accounts.tokens.boundary.Caller;
import io.github.accounts.users.boundary.CallingClient;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;

/** The logged-in user's second factor: status, TOTP enrolment and confirmation, new recovery codes, removal. */
@Path("users/me/mfa")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class FactorsResource {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @EJB
    TotpFactors factors;

    @Inject
    Caller caller;

    @Inject
    CallingClient client;

    @GET
    @RolesAllowed("user")
    public Response status() {
        return Response.ok(factors.status(userId())).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("totp")
    @RolesAllowed("user")
    public Response enrol() {
        return Response.ok(factors.enrol(userId(), client.get().address())).cacheControl(NO_STORE).build();
    }

    /** The QR code of the enrolment under way, as SVG. */
    @GET
    @Path("totp/qr")
    @RolesAllowed("user")
    @Produces("image/svg+xml")
    public Response qrCode() {
        return Response.ok(factors.qrCode(userId())).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("totp/confirm")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@NotNull(message = "is required") @Valid TotpCode code) {
        return Response.ok(factors.confirm(userId(), code.code(), client.get().address())).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("recovery-codes")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response regenerate(@NotNull(message = "is required") @Valid TotpCode code) {
        return Response.ok(factors.regenerateRecoveryCodes(userId(), code.code(), client.get().address())).cacheControl(NO_STORE).build();
    }

    @DELETE
    @Path("totp")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response remove(@NotNull(message = "is required") @Valid FactorRemoval removal) {
        JsonWebToken token = caller.token();
        factors.remove(token.getSubject(), AccessTokenFilter.sessionOf(token), removal, client.get());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    private long userId() {
        try {
            return Long.parseLong(caller.token().getSubject());
        } catch (NumberFormatException e) {
            throw new NotAuthenticatedException("This access token is not a user's");
        }
    }
}
