package io.github.accounts.oidc.boundary;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.github.accounts.oidc.control.IdTokens;
import io.github.accounts.oidc.control.OidcSettings;
import io.github.accounts.oidc.control.Secrets;
import io.github.accounts.oidc.entity.AuthorizationCode;
import io.github.accounts.oidc.entity.OidcClient;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.sessions.boundary.SessionReuseException;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.tokens.control.KeyRing;
import io.github.accounts.tokens.control.TokenIssuer;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import jakarta.json.JsonString;
import io.github.accounts.users.entity.User;
import io.github.accounts.web.control.PublicUrl;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The token endpoint (RFC 6749 3.2, form-encoded, errors as RFC 6749 JSON): {@code authorization_code} (with PKCE)
 * gives an access token, an ID token, and a refresh token when {@code offline_access} was granted;
 * {@code refresh_token} goes through the sessions' rotation, reuse detection and grace period. A client that fails
 * to authenticate gets 401 {@code invalid_client}. A code presented a second time ends the session it started.
 * Also RFC 7009 revocation, with the same client authentication.
 */
@Stateless
public class TokenEndpoint {

    public static final String PATH = "/api/oidc/token";
    public static final String REVOCATION_PATH = "/api/oidc/revoke";

    @Inject
    KeyRing keys;

    @EJB
    Revocations revocations;

    @PersistenceContext
    EntityManager em;

    @EJB
    Sessions sessions;

    @Inject
    IdTokens idTokens;

    @Inject
    TokenIssuer tokenIssuer;

    @Inject
    PublicUrl publicUrl;

    @Inject
    OidcSettings settings;

    static final ErrorObject UNKNOWN_RESOURCE = OAuth2Error.INVALID_TARGET.setDescription("resource names no resource server this grant is for");

    @Inject
    Clock clock;

    /** A token request: its form body, its {@code Authorization} header, and the caller's address. */
    public record Call(String body, String authorization, String contentType, String address) {
    }

    public OAuthReply token(Call call) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(httpRequest(call, PATH));
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            return error(error.getHTTPStatusCode() == 401 ? error : OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
        }
        OidcClient client = authenticated(request);
        if (client == null) {
            return error(OAuth2Error.INVALID_CLIENT);
        }
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (!client.mayUse(grant.getType().getValue())) {
            return error(OAuth2Error.UNAUTHORIZED_CLIENT);
        }
        List<URI> resources = request.getResources() == null ? List.of() : request.getResources();
        if (!settings.knowsResources(resources)) {
            return error(UNKNOWN_RESOURCE);
        }
        if (grant instanceof AuthorizationCodeGrant code) {
            return exchange(code, client, OidcSettings.audiences(resources));
        }
        if (grant instanceof RefreshTokenGrant refresh) {
            return refresh(refresh, client, call.address());
        }
        if (grant instanceof ClientCredentialsGrant && !client.isPublic()) {
            TokenIssuer.AccessToken token = tokenIssuer.issueForClient(client.getClientId(), OidcSettings.audiences(resources));
            return OAuthReply.of(new AccessTokenResponse(new Tokens(new BearerAccessToken(token.token(), token.expiresIn(), null), null)).toHTTPResponse());
        }
        return error(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
    }

    /**
     * RFC 7009: a client revokes one of its refresh tokens (its session ends, access tokens included) or access
     * tokens; the answer is 200 whether or not the token was known, valid or the client's.
     */
    public OAuthReply revoke(Call call) {
        TokenRevocationRequest request;
        try {
            request = TokenRevocationRequest.parse(httpRequest(call, TokenEndpoint.REVOCATION_PATH));
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            return error(error.getHTTPStatusCode() == 401 ? error : OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
        }
        OidcClient client = authenticated(request.getClientAuthentication(), request.getClientID());
        if (client == null) {
            return error(OAuth2Error.INVALID_CLIENT);
        }
        String token = request.getToken().getValue();
        if (token.length() <= 256) {
            sessions.endByRefreshToken(token, client.getClientId());
        }
        keys.verifier().verify(token)
                .filter(t -> client.getClientId().equals(stringClaim(t.getClaim(TokenIssuer.CLIENT_ID_CLAIM))))
                .ifPresent(t -> revocations.revoke(t.getTokenID(), t.getExpirationTime()));
        return new OAuthReply(200, null, null, null, List.of());
    }

    private static String stringClaim(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
    }

    private HTTPRequest httpRequest(Call call, String path) {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, URI.create(publicUrl.of(path)));
        http.setHeader("Content-Type", call.contentType());
        if (call.authorization() != null) {
            http.setAuthorization(call.authorization());
        }
        http.setBody(call.body());
        return http;
    }

    /** The client the request authenticates as (with the method it registered), or null. */
    private OidcClient authenticated(TokenRequest request) {
        return authenticated(request.getClientAuthentication(), request.getClientID());
    }

    private OidcClient authenticated(ClientAuthentication authentication, ClientID unauthenticated) {
        ClientID id = authentication == null ? unauthenticated : authentication.getClientID();
        if (id == null || id.getValue().length() > OidcClient.CLIENT_ID_MAX) {
            return null;
        }
        OidcClient client = em.find(OidcClient.class, id.getValue());
        if (client == null) {
            return null;
        }
        if (authentication == null) {
            return client.isPublic() ? client : null;
        }
        String secret = authentication instanceof ClientSecretBasic basic ? basic.getClientSecret().getValue()
                : authentication instanceof ClientSecretPost post ? post.getClientSecret().getValue() : null;
        boolean methodMatches = authentication.getMethod().equals(ClientAuthenticationMethod.parse(client.getAuthMethod()));
        return methodMatches && Secrets.matches(secret, client.getSecretHash()) ? client : null;
    }

    /**
     * The code's tokens are for the resource servers the token request names (RFC 8707), which must be among those
     * the authorization request named, if it named any; without {@code resource} here, for those it named.
     */
    private OAuthReply exchange(AuthorizationCodeGrant grant, OidcClient client, List<String> requested) {
        long now = clock.instant().getEpochSecond();
        AuthorizationCode code = em.find(AuthorizationCode.class, Secrets.hash(grant.getAuthorizationCode().getValue()),
                LockModeType.PESSIMISTIC_WRITE);
        if (code == null) {
            return error(OAuth2Error.INVALID_GRANT);
        }
        if (code.isSpent()) {
            // a replay: whoever has the code may have its tokens too (RFC 6749 4.1.2)
            sessions.end(code.getSessionId());
            return error(OAuth2Error.INVALID_GRANT.setDescription("the code was used already"));
        }
        String redirect = grant.getRedirectionURI() == null ? null : grant.getRedirectionURI().toString();
        if (!code.redeemableBy(client.getClientId(), redirect, now) || !pkceHolds(code, grant)) {
            return error(OAuth2Error.INVALID_GRANT);
        }
        if (!code.resources().isEmpty() && !code.resources().containsAll(requested)) {
            return error(UNKNOWN_RESOURCE);
        }
        User user = em.find(User.class, code.getUserId());
        if (user == null || user.isDisabled()) {
            return error(OAuth2Error.INVALID_GRANT);
        }
        SessionTokens tokens = sessions.start(user, "oidc:" + client.getClientId(), client.getClientId(), code.getScope(), code.getLoginSid(), code.amr(),
                requested.isEmpty() ? code.resources() : requested);
        code.spend(now, sessionOf(tokens));
        Scope scope = Scope.parse(code.getScope());
        BearerAccessToken access = new BearerAccessToken(tokens.access().token(), tokens.access().expiresIn(), scope);
        RefreshToken refresh = scope.contains("offline_access") ? new RefreshToken(tokens.refreshToken()) : null;
        OIDCTokens oidc = new OIDCTokens(idTokens.issue(code, access.getValue()), access, refresh);
        return OAuthReply.of(new OIDCTokenResponse(oidc).toHTTPResponse());
    }

    private static boolean pkceHolds(AuthorizationCode code, AuthorizationCodeGrant grant) {
        if (code.getCodeChallenge() == null) {
            return grant.getCodeVerifier() == null;
        }
        return grant.getCodeVerifier() != null && CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier())
                .getValue().equals(code.getCodeChallenge());
    }

    private OAuthReply refresh(RefreshTokenGrant grant, OidcClient client, String address) {
        String value = grant.getRefreshToken().getValue();
        if (value.length() > 256) {
            return error(OAuth2Error.INVALID_GRANT);
        }
        SessionTokens tokens;
        try {
            tokens = sessions.refresh(value, address, client.getClientId());
        } catch (SessionReuseException reuse) {
            return error(OAuth2Error.INVALID_GRANT.setDescription("the refresh token was used already: its session ended"));
        } catch (ProblemException refused) {
            return error(OAuth2Error.INVALID_GRANT);
        }
        Scope scope = Scope.parse(scopeOf(tokens));
        BearerAccessToken access = new BearerAccessToken(tokens.access().token(), tokens.access().expiresIn(), scope);
        return OAuthReply.of(new AccessTokenResponse(new Tokens(access, new RefreshToken(tokens.refreshToken()))).toHTTPResponse());
    }

    private static String sessionOf(SessionTokens tokens) {
        return claim(tokens, TokenIssuer.SESSION_CLAIM);
    }

    private static String scopeOf(SessionTokens tokens) {
        return claim(tokens, "scope");
    }

    private static String claim(SessionTokens tokens, String name) {
        try {
            return SignedJWT.parse(tokens.access().token()).getJWTClaimsSet().getStringClaim(name);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("an access token just issued cannot be read", e);
        }
    }

    static OAuthReply error(ErrorObject error) {
        OAuthReply reply = OAuthReply.of(new TokenErrorResponse(error).toHTTPResponse());
        return error.getHTTPStatusCode() == 401
                ? new OAuthReply(401, reply.contentType(), reply.body(), null, List.of()) : reply;
    }
}
