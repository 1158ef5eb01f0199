package io.github.accounts.passkeys.boundary;

import io.github.accounts.problems.control.NotAuthenticatedException;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The logged-in user's passkeys: creation options, registration, list, rename, removal. */
@Path("users/me/passkeys")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class PasskeysResource {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @EJB
    Passkeys passkeys;

    @Inject
    Caller caller;

    @Inject
    CallingClient client;

    @POST
    @Path("options")
    @RolesAllowed("user")
    public Response options() {
        return Response.ok(passkeys.registrationOptions(userId())).cacheControl(NO_STORE).build();
    }

    @POST
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull(message = "is required") @Valid PasskeyRegistration registration) {
        PasskeyView passkey = passkeys.register(userId(), registration, client.get().address());
        return Response.status(Response.Status.CREATED).entity(passkey).cacheControl(NO_STORE).build();
    }

    @GET
    @RolesAllowed("user")
    public Response list() {
        List<PasskeyView> list = passkeys.list(userId());
        return Response.ok(new GenericEntity<>(list) {
        }).cacheControl(NO_STORE).build();
    }

    @PATCH
    @Path("{id: [0-9]{1,18}}")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rename(@PathParam("id") long id, @NotNull(message = "is required") @Valid PasskeyName name) {
        return Response.ok(passkeys.rename(userId(), id, name.name())).cacheControl(NO_STORE).build();
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    @RolesAllowed("user")
    public Response remove(@PathParam("id") long id) {
        passkeys.remove(userId(), id, client.get().address());
        return Response.noContent().build();
    }

    private long userId() {
        try {
            return Long.parseLong(caller.token().getSubject());
        } catch (NumberFormatException e) {
            throw new NotAuthenticatedException("This access token is not a user's");
        }
    }
}
