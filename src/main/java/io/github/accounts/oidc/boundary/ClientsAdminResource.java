package io.github.accounts.oidc.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The admins' view of the OpenID Connect clients: list, update, delete, a new secret (shown once). */
@Path("admin/clients")
@ApplicationScoped
@DenyAll
public class ClientsAdminResource {

    @EJB
    Clients clients;

    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return noStore(Response.ok(clients.list()));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String metadata) {
        return noStore(Response.ok(clients.update(id, metadata)));
    }

    @POST
    @Path("{id}/secret")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotateSecret(@PathParam("id") String id) {
        return noStore(Response.ok(clients.rotateSecret(id)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") String id) {
        clients.delete(id);
        return Response.noContent().build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.cacheControl(noStore).build();
    }
}
