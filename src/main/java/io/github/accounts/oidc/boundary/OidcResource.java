package io.github.accounts.oidc.boundary;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import io.github.accounts.oidc.control.OidcSettings;
import io.github.accounts.oidc.control.ProviderCookies;
import io.github.accounts.users.boundary.CallingClient;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.function.Function;

/**
 * The OpenID Provider's endpoints under {@code /api/oidc}: authorization (and its login form), token, userinfo and
 * dynamic client registration. Each hands what it got to one boundary call and sends the {@link OAuthReply} back.
 */
@Path("oidc")
@ApplicationScoped
@DenyAll
public class OidcResource {

    static final int FORM_MAX = 16_384;

    @EJB
    Authorization authorization;

    @EJB
    TokenEndpoint tokenEndpoint;

    @EJB
    UserInfoEndpoint userInfo;

    @EJB
    Clients clients;

    @EJB
    Logout logout;

    @Inject
    CallingClient caller;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Path("authorize")
    @PermitAll
    public Response authorize(@CookieParam(ProviderCookies.LOGIN) String login, @CookieParam(ProviderCookies.CSRF) String csrf) {
        return OAuthReplies.send(authorization.authorize(new Authorization.Call(uri.getRequestUri().getRawQuery(), login, csrf)));
    }

    @POST
    @Path("authorize")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("request") String request, @FormParam("csrf") String csrf, @FormParam("email") String email,
                          @FormParam("password") String password, @FormParam("mfa_token") String mfaToken,
                          @FormParam("code") String code, @BeanParam PasskeyForm passkey,
                          @CookieParam(ProviderCookies.LOGIN) String login, @CookieParam(ProviderCookies.CSRF) String csrfCookie) {
        return OAuthReplies.send(authorization.login(new Authorization.Login(request, csrf, email, password, mfaToken, code,
                passkey.assertion(), login, csrfCookie, caller.get())));
    }

    @POST
    @Path("token")
    @PermitAll
    public Response token(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorizationHeader,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return form(body, authorizationHeader, contentType, tokenEndpoint::token);
    }

    @GET
    @Path("logout")
    @PermitAll
    public Response logout(@CookieParam(ProviderCookies.LOGIN) String login) {
        return OAuthReplies.send(logout.end(new Logout.Call(uri.getRequestUri().getRawQuery(), login)));
    }

    @POST
    @Path("revoke")
    @PermitAll
    public Response revoke(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorizationHeader,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return form(body, authorizationHeader, contentType, tokenEndpoint::revoke);
    }

    /** A client's form post to the token or revocation endpoint, bounded before anything parses it. */
    private Response form(String body, String authorizationHeader, String contentType, Function<TokenEndpoint.Call, OAuthReply> endpoint) {
        if (body.length() > FORM_MAX) {
            return OAuthReplies.send(TokenEndpoint.error(OAuth2Error.INVALID_REQUEST.setDescription("the body is too long")));
        }
        return OAuthReplies.send(endpoint.apply(new TokenEndpoint.Call(body, authorizationHeader, contentType, caller.get().address())));
    }

    @GET
    @Path("userinfo")
    @PermitAll
    public Response userinfo() {
        JsonWebToken token = security.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        Object scope = token == null ? null : token.getClaim("scope");
        return OAuthReplies.send(userInfo.claims(token == null ? null : token.getSubject(),
                scope instanceof JsonString json ? json.getString() : scope instanceof String text ? text : null));
    }

    @POST
    @Path("register")
    @PermitAll
    public Response register(String body) {
        boolean allowed = security.isUserInRole("admin") || security.isUserInRole(OidcSettings.REGISTRAR);
        return OAuthReplies.send(clients.register(new Clients.Registration(body, allowed)));
    }
}
