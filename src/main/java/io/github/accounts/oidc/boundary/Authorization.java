package io.github.accounts.oidc.boundary;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import io.github.accounts.factors.boundary.MfaRequiredException;
import io.github.accounts.factors.boundary.SecondStep;
import io.github.accounts.factors.boundary.TotpCode;
import io.github.accounts.oidc.control.LoginPage;
import io.github.accounts.oidc.control.OidcSettings;
import io.github.accounts.oidc.control.ProviderCookies;
import io.github.accounts.oidc.control.RedirectUris;
import io.github.accounts.oidc.control.Secrets;
import io.github.accounts.oidc.entity.OidcClient;
import io.github.accounts.oidc.entity.ProviderLogin;
import io.github.accounts.passkeys.boundary.PasskeyAssertion;
import io.github.accounts.passkeys.boundary.Passkeys;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.users.boundary.Accounts;
import io.github.accounts.users.boundary.Logins;
import io.github.accounts.users.boundary.LoginRequest;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.User;
import io.github.accounts.web.control.PublicUrl;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authorization endpoint: the code flow with PKCE (S256) only. A request naming an unknown client or a redirect
 * URI the client did not register gets an error page and is never redirected; any other error goes back to the
 * client with {@code error}, {@code state} and {@code iss} (RFC 9207). A browser signed in at the provider (its
 * cookie) gets a code at once (single sign-on); otherwise the login page, which is throttled like the API's login.
 */
@Stateless
public class Authorization {

    public static final String PATH = "/api/oidc/authorize";
    static final Set<String> SCOPES = Set.of("openid", "profile", "email", "offline_access");
    static final int QUERY_MAX = 8192;
    static final int MFA_TOKEN_MAX = 128;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    Logins logins;

    @EJB
    SecondStep secondStep;

    @EJB
    Passkeys passkeys;

    @Inject
    Validator validator;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    @Inject
    OidcSettings settings;

    /** An authorization request arriving by GET: its query, and the browser's provider and CSRF cookies. */
    public record Call(String query, String loginCookie, String csrfCookie) {
    }

    /**
     * The login form posted back: the original request's query, the CSRF value, email and password, or a passkey's
     * assertion (a passwordless login); or, at the second step, the step's token and a code or a passkey's assertion.
     */
    public record Login(String query, String csrf, String email, String password, String mfaToken, String code,
                        PasskeyAssertion passkey, String loginCookie, String csrfCookie, Accounts.Client client) {
    }

    /** A request that passed every check that comes before the user: the client may be redirected to. */
    record Checked(AuthenticationRequest request, OidcClient client, URI redirect) {
    }

    public OAuthReply authorize(Call call) {
        Object checked = check(call.query());
        if (checked instanceof OAuthReply refused) {
            return refused;
        }
        Checked ok = (Checked) checked;
        Prompt prompt = ok.request().getPrompt();
        boolean forceLogin = prompt != null && prompt.contains(Prompt.Type.LOGIN);
        long now = clock.instant().getEpochSecond();
        Optional<ProviderLogin> login = forceLogin ? Optional.empty() : liveLogin(call.loginCookie(), now)
                .filter(l -> l.isFreshFor(maxAge(ok.request()), now));
        if (login.isPresent()) {
            return redirectWithCode(ok, login.get(), now, List.of());
        }
        if (prompt != null && prompt.contains(Prompt.Type.NONE)) {
            return redirectWithError(ok, OIDCError.LOGIN_REQUIRED);
        }
        String csrf = call.csrfCookie() != null && call.csrfCookie().length() == 43 ? call.csrfCookie() : Secrets.generate();
        return OAuthReply.html(200, LoginPage.form(publicUrl.of(PATH), call.query(), csrf, ok.request().getLoginHint(),
                null, "../../"), List.of(ProviderCookies.csrf(csrf)));
    }

    /** Outside a transaction: the password check (throttled and counted) writes in transactions of its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OAuthReply login(Login form) {
        Object checked = check(form.query());
        if (checked instanceof OAuthReply refused) {
            return refused;
        }
        Checked ok = (Checked) checked;
        if (form.csrf() == null || form.csrfCookie() == null || !Secrets.matches(form.csrf(), Secrets.hash(form.csrfCookie()))) {
            return OAuthReply.html(403, LoginPage.error("This form has expired: go back to the application and sign in again."), List.of());
        }
        if (form.mfaToken() != null) {
            return form.passkey() == null ? secondStep(ok, form) : passkeySecondStep(ok, form);
        }
        if (form.passkey() != null) {
            return passkeyLogin(ok, form);
        }
        String email = form.email() == null ? "" : form.email();
        String password = form.password() == null ? "" : form.password();
        if (email.isBlank() || email.length() > User.EMAIL_MAX || password.isEmpty() || password.length() > PasswordPolicy.MAX_REQUEST_LENGTH) {
            return again(ok, form, 400, "Wrong email or password");
        }
        User user;
        try {
            user = logins.authenticate(new LoginRequest(email, password), form.client());
        } catch (TooManyRequestsException throttled) {
            return again(ok, form, 429, "Too many attempts: wait a moment and try again");
        } catch (ProblemException refused) {
            return again(ok, form, refused.problem().status() == 403 ? 403 : 401, refused.problem().status() == 403
                    ? "This account is disabled" : "Wrong email or password");
        }
        Optional<MfaRequiredException> second = secondStep.begin(user);
        if (second.isPresent()) {
            return codeForm(form, second.get().mfaToken(), second.get().methods(), 200, null);
        }
        return context.getBusinessObject(Authorization.class).signedIn(ok.request(), ok.client(), ok.redirect(), user.getId(), List.of("pwd"));
    }

    /** The code of the second step: a wrong one asks again (the step survives a few), a dead step starts over. */
    private OAuthReply secondStep(Checked ok, Login form) {
        String code = form.code() == null ? "" : form.code();
        if (code.isBlank() || code.length() > TotpCode.MAX_LENGTH || form.mfaToken().length() > MFA_TOKEN_MAX) {
            return codeForm(form, 400, "Enter the code from your authenticator app");
        }
        User user;
        try {
            user = secondStep.verify(form.mfaToken(), code, form.client());
        } catch (ProblemException refused) {
            return secondStepRefused(ok, form, refused, "Wrong code: try again");
        }
        return context.getBusinessObject(Authorization.class).signedIn(ok.request(), ok.client(), ok.redirect(), user.getId(), SecondStep.AMR);
    }

    /** A passkey as the second step: a refused one asks again (the step survives a few), a dead step starts over. */
    private OAuthReply passkeySecondStep(Checked ok, Login form) {
        if (form.mfaToken().length() > MFA_TOKEN_MAX || !wellFormed(form.passkey())) {
            return codeForm(form, 400, "The passkey's answer was incomplete: try again");
        }
        SecondStep.Passed passed;
        try {
            passed = secondStep.verifyPasskey(form.mfaToken(), form.passkey(), form.client());
        } catch (ProblemException refused) {
            return secondStepRefused(ok, form, refused, "The passkey was not accepted: try again");
        }
        return context.getBusinessObject(Authorization.class).signedIn(ok.request(), ok.client(), ok.redirect(), passed.user().getId(), passed.amr());
    }

    private OAuthReply secondStepRefused(Checked ok, Login form, ProblemException refused, String wrong) {
        if (refused instanceof TooManyRequestsException) {
            return codeForm(form, 429, "Too many attempts: wait a moment and try again");
        }
        if (refused.problem().type().endsWith(":invalid-mfa-token")) {
            return again(ok, form, 401, "This sign-in has expired: enter your password again");
        }
        return codeForm(form, refused.problem().status() == 400 ? 400 : 401, wrong);
    }

    /** A passwordless login with a passkey from the page's passkey form. */
    private OAuthReply passkeyLogin(Checked ok, Login form) {
        if (!wellFormed(form.passkey())) {
            return again(ok, form, 400, "The passkey's answer was incomplete: try again");
        }
        Passkeys.PasskeyLogin login;
        try {
            login = passkeys.authenticate(form.passkey(), form.client());
        } catch (TooManyRequestsException throttled) {
            return again(ok, form, 429, "Too many attempts: wait a moment and try again");
        } catch (ProblemException refused) {
            int status = refused.problem().status();
            return again(ok, form, status == 403 || status == 400 ? status : 401,
                    status == 403 ? "This account is disabled" : "The passkey was not accepted");
        }
        return context.getBusinessObject(Authorization.class).signedIn(ok.request(), ok.client(), ok.redirect(), login.user().getId(), login.amr());
    }

    /** Whether the posted assertion has every field, within the API's limits. */
    private boolean wellFormed(PasskeyAssertion assertion) {
        return validator.validate(assertion).isEmpty();
    }

    /** The code form again, for the methods of the step (a code, if the step is dead and they cannot be told). */
    private OAuthReply codeForm(Login form, int status, String message) {
        List<String> methods = secondStep.methodsOfStep(form.mfaToken());
        return codeForm(form, form.mfaToken(), methods.isEmpty() ? List.of(SecondStep.TOTP) : methods, status, message);
    }

    private OAuthReply codeForm(Login form, String mfaToken, List<String> methods, int status, String message) {
        return OAuthReply.html(status, LoginPage.codeForm(publicUrl.of(PATH), form.query(), form.csrfCookie(), mfaToken, methods, message), List.of());
    }

    /** Starts the provider session (a new cookie) and sends the client its code. */
    public OAuthReply signedIn(AuthenticationRequest request, OidcClient client, URI redirect, long userId, List<String> amr) {
        long now = clock.instant().getEpochSecond();
        String cookie = Secrets.generate();
        ProviderLogin login = new ProviderLogin(Secrets.hash(cookie), UUID.randomUUID().toString(), userId, now,
                now + settings.sessionTtlSeconds(), amr);
        em.persist(login);
        return redirectWithCode(new Checked(request, client, redirect), login, now, List.of(ProviderCookies.login(cookie, settings.sessionTtlSeconds())));
    }

    private OAuthReply again(Checked ok, Login form, int status, String message) {
        return OAuthReply.html(status, LoginPage.form(publicUrl.of(PATH), form.query(), form.csrfCookie(), form.email(), message, "../../"),
                List.of());
    }

    private Optional<ProviderLogin> liveLogin(String cookie, long now) {
        if (cookie == null || cookie.length() != 43) {
            return Optional.empty();
        }
        ProviderLogin login = em.find(ProviderLogin.class, Secrets.hash(cookie));
        return login != null && login.isLive(now) ? Optional.of(login) : Optional.empty();
    }

    private static Long maxAge(AuthenticationRequest request) {
        return request.getMaxAge() < 0 ? null : (long) request.getMaxAge();
    }

    /** The request checked, or the reply refusing it: an error page or a redirect with the error. */
    Object check(String query) {
        if (query == null || query.length() > QUERY_MAX) {
            return errorPage("The sign-in request is missing or too long.");
        }
        Map<String, List<String>> parameters = URLUtils.parseParameters(query);
        String clientId = single(parameters, "client_id");
        OidcClient client = clientId == null || clientId.length() > OidcClient.CLIENT_ID_MAX ? null : em.find(OidcClient.class, clientId);
        if (client == null) {
            return errorPage("The application that sent you here is not registered with this service.");
        }
        String redirectUri = single(parameters, "redirect_uri");
        Optional<String> registered = RedirectUris.match(client.getRedirectUris(), redirectUri);
        if (registered.isEmpty()) {
            return errorPage("The application sent you here with an address it did not register: it cannot be sent back.");
        }
        URI redirect = URI.create(redirectUri);
        State state = Optional.ofNullable(single(parameters, "state")).map(State::new).orElse(null);
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(parameters);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            return redirect(redirect, new ErrorObject(error.getCode(), e.getMessage()), state);
        }
        if (!client.mayUse("authorization_code")) {
            return redirect(redirect, OAuth2Error.UNAUTHORIZED_CLIENT, state);
        }
        if (!request.getResponseType().equals(ResponseType.CODE)) {
            return redirect(redirect, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, state);
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            return redirect(redirect, OAuth2Error.INVALID_REQUEST.setDescription("only response_mode=query"), state);
        }
        if (request.getRequestObject() != null || request.getRequestURI() != null) {
            return redirect(redirect, OAuth2Error.REQUEST_NOT_SUPPORTED, state);
        }
        if (request.getCodeChallenge() == null ? client.isPublic() : !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return redirect(redirect, OAuth2Error.INVALID_REQUEST.setDescription(request.getCodeChallenge() == null
                    ? "PKCE (code_challenge, S256) is required" : "code_challenge_method must be S256"), state);
        }
        if (request.getCodeChallenge() != null && request.getCodeChallenge().getValue().length() > io.github.accounts.oidc.entity.AuthorizationCode.CHALLENGE_MAX) {
            return redirect(redirect, OAuth2Error.INVALID_REQUEST.setDescription("code_challenge is too long"), state);
        }
        if (request.getNonce() != null && request.getNonce().getValue().length() > io.github.accounts.oidc.entity.AuthorizationCode.NONCE_MAX) {
            return redirect(redirect, OAuth2Error.INVALID_REQUEST.setDescription("nonce is too long"), state);
        }
        if (request.getResources() != null && (!settings.knowsResources(request.getResources())
                || String.join(" ", OidcSettings.audiences(request.getResources())).length() > io.github.accounts.oidc.entity.AuthorizationCode.RESOURCES_MAX)) {
            return redirect(redirect, OAuth2Error.INVALID_TARGET.setDescription("resource names no resource server of this service"), state);
        }
        Prompt prompt = request.getPrompt();
        if (prompt != null && prompt.contains(Prompt.Type.NONE) && prompt.size() > 1) {
            return redirect(redirect, OAuth2Error.INVALID_REQUEST.setDescription("prompt=none stands alone"), state);
        }
        return new Checked(request, client, redirect);
    }

    private OAuthReply redirectWithCode(Checked ok, ProviderLogin login, long now, List<String> cookies) {
        AuthenticationRequest request = ok.request();
        String code = Secrets.generate();
        var issued = new io.github.accounts.oidc.entity.AuthorizationCode(Secrets.hash(code), ok.client().getClientId(),
                ok.redirect().toString(), request.getCodeChallenge() == null ? null : request.getCodeChallenge().getValue(),
                granted(request.getScope()), request.getNonce() == null ? null : request.getNonce().getValue(),
                login.getUserId(), login.getSid(), login.getAuthTime(), now);
        issued.authenticatedBy(login.amr());
        issued.forResources(request.getResources() == null ? List.of() : OidcSettings.audiences(request.getResources()));
        em.persist(issued);
        URI location = new AuthenticationSuccessResponse(ok.redirect(), new AuthorizationCode(code), null, null,
                request.getState(), null, issuer(), ResponseMode.QUERY).toURI();
        return OAuthReply.redirect(location, cookies);
    }

    /** The requested scopes this provider knows; {@code offline_access} is granted when asked for (no consent step). */
    static String granted(Scope requested) {
        return String.join(" ", requested.toStringList().stream().filter(SCOPES::contains).distinct().sorted().toList());
    }

    private OAuthReply redirectWithError(Checked ok, ErrorObject error) {
        return redirect(ok.redirect(), error, ok.request().getState());
    }

    private OAuthReply redirect(URI redirect, ErrorObject error, State state) {
        return OAuthReply.redirect(new AuthenticationErrorResponse(redirect, error, state, issuer(), ResponseMode.QUERY).toURI(), List.of());
    }

    private Issuer issuer() {
        return new Issuer(publicUrl.issuer());
    }

    private static OAuthReply errorPage(String message) {
        return OAuthReply.html(400, LoginPage.error(message), List.of());
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
