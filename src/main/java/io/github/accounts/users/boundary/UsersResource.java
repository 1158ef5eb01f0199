package io.github.accounts.users.boundary;

import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.sessions.boundary.RefreshCookie;
import io.github.accounts.revocation.boundary.AccessTokenFilter;
import io.github.accounts.tokens.boundary.Caller;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Locale;
import java.util.Map;

@Path("users")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    /** A registration where verification is required: the same for a new address and a taken one. */
    static final Map<String, String> CHECK_YOUR_MAIL = Map.of("result", "success", "email_verification", "required",
            "detail", "Check your mail: open the link we sent to verify the address, then log in");

    @EJB
    Accounts accounts;

    @EJB
    Logins logins;

    @EJB
    Registration registration;

    @EJB
    EmailVerification verification;

    @EJB
    PasswordReset passwordReset;

    @EJB
    EmailChange emailChange;

    @EJB
    AccountDeletion deletion;

    @Inject
    Caller caller;

    @Inject
    CallingClient client;

    @Inject
    RefreshCookie cookie;

    @Context
    HttpServletRequest http;

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull(message = "is required") @Valid RegistrationRequest request) {
        return registration.register(request, client()).map(tokens -> cookie.respond(Response.Status.CREATED, tokens, http))
                .orElseGet(UsersResource::checkYourMail);
    }

    static Response checkYourMail() {
        return Response.accepted(CHECK_YOUR_MAIL).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@NotNull(message = "is required") @Valid LoginRequest request) {
        return cookie.respond(Response.Status.OK, logins.login(request, client()), http);
    }

    /** Personal data, like the sessions: sent with {@code no-store}, so no cache keeps it. */
    @GET
    @Path("me")
    @RolesAllowed("user")
    public Response me() {
        JsonWebToken token = caller.token();
        Profile profile = Profile.of(token).orElseGet(() -> accounts.profile(token.getSubject()));
        return Response.ok(profile).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("sessions")
    @RolesAllowed("user")
    public Response sessions() {
        JsonWebToken token = caller.token();
        List<SessionView> sessions = accounts.sessions(token.getSubject(), AccessTokenFilter.sessionOf(token));
        return Response.ok(new GenericEntity<>(sessions) {
        }).cacheControl(NO_STORE).build();
    }

    @PUT
    @Path("me/password")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@NotNull(message = "is required") @Valid PasswordChange change) {
        JsonWebToken token = caller.token();
        logins.changePassword(token.getSubject(), AccessTokenFilter.sessionOf(token), change, client());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    /** The link of a verification mail, opened on the web page, which posts its token here. */
    @POST
    @Path("email-verification")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verifyEmail(@NotNull(message = "is required") @Valid VerificationToken request) {
        verification.confirmToken(request.token());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    /** The code of a verification mail, typed in by the logged-in user. */
    @POST
    @Path("me/email-verification")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verifyEmailByCode(@NotNull(message = "is required") @Valid VerificationCode request) {
        verification.confirmCode(caller.token().getSubject(), request.code());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("me/email-verification/resend")
    @RolesAllowed("user")
    public Response resendVerification() {
        boolean sent = verification.resend(caller.token().getSubject());
        return Response.accepted(Map.of("result", sent ? "sent" : "already-verified")).cacheControl(NO_STORE).build();
    }

    /** For an account that cannot log in before its address is verified: always 202 with the same body. */
    @POST
    @Path("email-verification/resend")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resendVerificationTo(@NotNull(message = "is required") @Valid VerificationResend request) {
        verification.resendTo(request.email(), client());
        return Response.accepted(Map.of("result", "accepted")).cacheControl(NO_STORE).build();
    }

    /** The code of a verification mail with its address, from a client that cannot log in yet. */
    @POST
    @Path("email-verification/code")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verifyEmailByAddressAndCode(@NotNull(message = "is required") @Valid VerificationByCode request) {
        verification.confirmCodeOf(request.email(), request.code());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    /** Asks for a new address: a link goes to it, and nothing changes before it is opened. Always 202. */
    @PUT
    @Path("me/email")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeEmail(@NotNull(message = "is required") @Valid EmailChangeRequest request) {
        emailChange.request(caller.token().getSubject(), request, client());
        return Response.accepted(Map.of("result", "accepted")).cacheControl(NO_STORE).build();
    }

    /** The link mailed to the new address, opened on the web page, which posts its token here. */
    @POST
    @Path("me/email/confirm")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirmEmailChange(@NotNull(message = "is required") @Valid VerificationToken request) {
        emailChange.confirm(request.token());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    /** The link of the notice mailed to the old address: the change is undone. */
    @POST
    @Path("me/email/undo")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response undoEmailChange(@NotNull(message = "is required") @Valid VerificationToken request) {
        emailChange.undo(request.token());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    @DELETE
    @Path("me")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@NotNull(message = "is required") @Valid AccountDeletionRequest request) {
        JsonWebToken token = caller.token();
        deletion.delete(token.getSubject(), token.getTokenID(), token.getExpirationTime(), request, client());
        Response.ResponseBuilder response = Response.ok(Map.of("result", "success")).cacheControl(NO_STORE);
        if (cookie.wanted(http)) {
            response.cookie(cookie.cleared(http.getContextPath()));
        }
        return response.build();
    }

    /** Everything the service holds about the caller, as a JSON file to download. */
    @GET
    @Path("me/export")
    @RolesAllowed("user")
    public Response export() {
        return Response.ok(accounts.export(caller.token().getSubject())).cacheControl(NO_STORE)
                .header("Content-Disposition", "attachment; filename=\"account.json\"").build();
    }

    /** Always 202 with the same body: whether the address has an account is not told (the owner gets a mail). */
    @POST
    @Path("password-reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestPasswordReset(@NotNull(message = "is required") @Valid PasswordResetRequest request) {
        passwordReset.request(request.email(), client());
        return Response.accepted(Map.of("result", "accepted")).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("password-reset/complete")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response completePasswordReset(@NotNull(message = "is required") @Valid PasswordResetCompletion completion) {
        passwordReset.complete(completion, client());
        return Response.ok(Map.of("result", "success")).cacheControl(NO_STORE).build();
    }

    @DELETE
    @Path("logout")
    @RolesAllowed("user")
    public Response logout(@QueryParam("scope") @DefaultValue("local") String scope) {
        JsonWebToken token = caller.token();
        accounts.logout(token.getSubject(), token.getTokenID(), AccessTokenFilter.sessionOf(token), token.getExpirationTime(),
                scopeOf(scope), client());
        Response.ResponseBuilder response = Response.ok(Map.of("result", "success")).cacheControl(NO_STORE);
        if (cookie.wanted(http) && scopeOf(scope) != Accounts.LogoutScope.OTHERS) {
            response.cookie(cookie.cleared(http.getContextPath()));
        }
        return response.build();
    }

    private static Accounts.LogoutScope scopeOf(String scope) {
        try {
            return Accounts.LogoutScope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("scope", "must be local, others or global");
        }
    }

    private Accounts.Client client() {
        return client.get();
    }
}
