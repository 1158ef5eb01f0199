package io.github.accounts.users.boundary;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.revocation.boundary.AccessTokenFilter;
import io.github.accounts.sessions.boundary.RefreshCookie;
import io.github.accounts.sessions.boundary.TokenResponse;
import io.github.accounts.tokens.boundary.Caller;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;

/**
 * The Flask app's own routes, {@code POST /users/register}, {@code POST /users/login} and {@code DELETE /users/logout},
 * so that its clients switch without a change: the same bodies and success answers (a registration is 200 there,
 * and one version of the Flask tutorial named the token {@code access}), and behind them exactly what
 * {@code /api/users/…} does ({@link UsersResource}): validation, throttling, audit, sessions, durable logout.
 * {@code FLASK_ROUTES=false} turns them off.
 */
@Path("")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class FlaskRoutesResource {

    @Inject
    Settings settings;

    @PostConstruct
    void readSettings() {
        enabled = settings.get(Settings.FLASK_ROUTES);
    }

    @EJB
    Accounts accounts;

    @EJB
    Logins logins;

    @EJB
    Registration registration;

    @Inject
    CallingClient client;

    @Inject
    Caller caller;

    @Inject
    RefreshCookie cookie;

    @Context
    HttpServletRequest http;

    boolean enabled;

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull(message = "is required") @Valid RegistrationRequest request) {
        enabled();
        // where email verification is required: the same 202 "check your mail" as /api/users/register, for any address
        return registration.register(request, client.get()).map(tokens -> flask(cookie.respond(Response.Status.OK, tokens, http)))
                .orElseGet(UsersResource::checkYourMail);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@NotNull(message = "is required") @Valid LoginRequest request) {
        enabled();
        return flask(cookie.respond(Response.Status.OK, logins.login(request, client.get()), http));
    }

    @DELETE
    @Path("logout")
    @RolesAllowed("user")
    public Response logout() {
        enabled();
        JsonWebToken token = caller.token();
        accounts.logout(token.getSubject(), token.getTokenID(), AccessTokenFilter.sessionOf(token), token.getExpirationTime(),
                Accounts.LogoutScope.LOCAL, client.get());
        return Response.ok(Map.of("result", "success")).cacheControl(UsersResource.NO_STORE).build();
    }

    /** Our token answer with the Flask app's status (200) and its {@code access} field beside {@code access_token}. */
    private static Response flask(Response ours) {
        return Response.fromResponse(ours).entity(FlaskTokenResponse.of((TokenResponse) ours.getEntity())).build();
    }

    private void enabled() {
        if (!enabled) {
            throw new ProblemException(404, "urn:accounts:problem:not-found", "Not found",
                    "The Flask app's routes are turned off here (FLASK_ROUTES=false): use /api/users/…");
        }
    }

    /** {@link TokenResponse} with the field a Flask client may read the token from. */
    @JsonbPropertyOrder({"result", "accessToken", "access", "tokenType", "expiresIn", "refreshToken", "refreshExpiresIn", "user"})
    public record FlaskTokenResponse(
            String result,
            @JsonbProperty("access_token") String accessToken,
            String access,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn,
            @JsonbProperty("refresh_token") String refreshToken,
            @JsonbProperty("refresh_expires_in") long refreshExpiresIn,
            TokenResponse.UserSummary user) {

        static FlaskTokenResponse of(TokenResponse ours) {
            return new FlaskTokenResponse(ours.result(), ours.accessToken(), ours.accessToken(), ours.tokenType(), ours.expiresIn(),
                    ours.refreshToken(), ours.refreshExpiresIn(), ours.user());
        }
    }
}
