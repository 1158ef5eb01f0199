package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

/** The bare floor: Payara Micro serving one JAX-RS resource, and nothing else. */
@ApplicationPath("api")
@Path("ping")
public class Ping extends Application {

    @GET
    public String ping() {
        return "pong";
    }
}
