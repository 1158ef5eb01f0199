package floor;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("")
public class NotesResource {

    @EJB
    Notes notes;

    @Inject
    JsonWebToken token;

    /** First served request: through the EJB to the database. */
    @GET
    @Path("ping")
    @PermitAll
    public String ping() {
        return "pong " + notes.count();
    }

    /** 401 without a token: MicroProfile JWT is up. */
    @GET
    @Path("me")
    @RolesAllowed("user")
    public String me() {
        return token.getName();
    }
}
