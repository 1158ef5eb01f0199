package io.github.accounts.admin.boundary;

import io.github.accounts.web.boundary.QueryParameters;
import io.github.accounts.tokens.boundary.Caller;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Administration, for tokens whose {@code groups} hold {@code admin}. */
@Path("admin")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @EJB
    Administration administration;

    @Inject
    Caller caller;

    private long callerId() {
        return Long.parseLong(caller.token().getSubject());
    }

    /** The users' emails and names are personal data: no cache keeps them. */
    @GET
    @Path("users")
    @RolesAllowed("admin")
    public Response users(@QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        UserPage users = administration.users(QueryParameters.integer("page", page, 0, Administration.MAX_PAGE),
                QueryParameters.integer("size", size, 1, Administration.MAX_PAGE_SIZE));
        return Response.ok(users).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("users/{id}/disable")
    @RolesAllowed("admin")
    public Response disable(@PathParam("id") long id) {
        return Response.ok(administration.disable(id, callerId())).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("users/{id}/enable")
    @RolesAllowed("admin")
    public Response enable(@PathParam("id") long id) {
        return Response.ok(administration.enable(id, callerId())).cacheControl(NO_STORE).build();
    }

    /** Resets the user's second factor (the authenticator app and recovery codes): for a user who lost both. */
    @DELETE
    @Path("users/{id}/mfa")
    @RolesAllowed("admin")
    public Response resetSecondFactor(@PathParam("id") long id) {
        administration.resetSecondFactor(id, callerId());
        return Response.noContent().build();
    }

    /** Any user listed in ADMIN_EMAILS becomes admin with the operator's bootstrap secret (once per secret). */
    @POST
    @Path("bootstrap")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bootstrap(@NotNull(message = "is required") @Valid AdminBootstrapRequest request) {
        return Response.ok(Map.of("result", "success", "groups", administration.bootstrap(callerId(), request.secret())))
                .cacheControl(NO_STORE).build();
    }

    @POST
    @Path("keys/rotate")
    @RolesAllowed("admin")
    public Response rotateKey() {
        return Response.accepted(administration.rotateKey(callerId())).cacheControl(NO_STORE).build();
    }
}
