package io.github.accounts.tokens.boundary;

import io.github.accounts.web.control.ClientAddresses;
import io.github.accounts.problems.control.NotAuthenticatedException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Size;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("oauth")
@ApplicationScoped
@DenyAll
public class IntrospectionResource {

    /**
     * Longer than any access token of ours (about 1 KB) by far; a request parameter must not be repeated
     * (RFC 6749 3.1, which RFC 7662 builds on).
     */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    @EJB
    Introspection introspection;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest http;

    @POST
    @Path("introspect")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @FormParam("token") @Size(max = 1, message = "must be sent once")
                               List<@Size(max = MAX_TOKEN_LENGTH, message = "is not an access token") String> token) {
        String client = introspection.client(authorization, clientAddresses.of(http)).orElse(null);
        if (client == null) {
            Response refused = new NotAuthenticatedException("Introspection needs the credentials of a client in INTROSPECTION_CLIENTS")
                    .problem().toResponse();
            return Response.fromResponse(refused).header(HttpHeaders.WWW_AUTHENTICATE, null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"introspection\"").build();
        }
        return Response.ok(introspection.introspect(token.isEmpty() ? null : token.get(0), client)).cacheControl(CacheControl.valueOf("no-store")).build();
    }
}
