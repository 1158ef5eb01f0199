package io.github.accounts.resourceserver;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("greetings")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class GreetingsResource {

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed("user")
    public String hello() {
        return "hello " + token.getName();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public String admin() {
        return "hello admin " + token.getName();
    }
}
