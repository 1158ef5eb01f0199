package io.github.accounts.admin.boundary;

import io.github.accounts.tokens.boundary.Caller;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB
    Administration administration;

    @Inject
    Caller caller;

    private long callerId() {
        return Long.parseLong(caller.token().getSubject());
    }

    @GET
    @Path("users")
    @RolesAllowed("admin")
    public UserPage users(@QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
                          @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be at least 1")
                          @Max(value = Administration.MAX_PAGE_SIZE, message = "must be at most {value}") int size) {
        return administration.users(page, size);
    }

    @POST
    @Path("users/{id}/disable")
    @RolesAllowed("admin")
    public UserPage.Entry disable(@PathParam("id") long id) {
        return administration.disable(id, callerId());
    }

    @POST
    @Path("users/{id}/enable")
    @RolesAllowed("admin")
    public UserPage.Entry enable(@PathParam("id") long id) {
        return administration.enable(id, callerId());
    }

    /** Any user listed in ADMIN_EMAILS becomes admin with the operator's bootstrap secret (once per secret). */
    @POST
    @Path("bootstrap")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bootstrap(@NotNull(message = "is required") @Valid AdminBootstrapRequest request) {
        return Response.ok(Map.of("result", "success", "groups", administration.bootstrap(callerId(), request.secret())))
                .cacheControl(CacheControl.valueOf("no-store")).build();
    }

    @POST
    @Path("keys/rotate")
    @RolesAllowed("admin")
    public Response rotateKey() {
        return Response.accepted(administration.rotateKey(callerId())).build();
    }
}
