package io.github.accounts.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.github.accounts.support.Await;
import io.github.accounts.support.FormBrowser;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.oidc.control.LoginPage;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.ResourceServers;
import io.github.accounts.support.TestDatabase;
import io.github.accounts.support.SecondFactors;
import io.github.accounts.support.TotpCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.FormBrowser.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenID Provider driven by Nimbus oauth2-oidc-sdk as the client: registration, the code flow with PKCE through
 * the login form (plain HTTP: the CSRF value and the cookies by hand), single sign-on, tokens, userinfo, refresh,
 * and the refusals (replayed code, wrong redirect URI, unknown client, missing PKCE, wrong secret, prompt=none
 * without a session, no registration token, no CSRF value), back-channel logout to a client that fails the first
 * time, and access tokens for a resource server of another team (RFC 8707), which accepts only its own audience's.
 */
class OpenIdProviderIT {

    static final String REGISTRATION_TOKEN = "registration-token-for-the-oidc-test-0123456789";
    static final String ISSUER = "http://localhost:8080";
    static final String EMAIL = TestDatabase.uniqueEmail("oidc-user");
    static final String PASSWORD = "a long and unusual pass phrase";
    static final String ADMIN_EMAIL = TestDatabase.uniqueEmail("oidc-admin");
    static final URI SIGNED_OUT = URI.create("https://app.example.com/signed-out");
    /** Each run its own: a spent secret stays spent in a database that a run before used (MariaDB). */
    static final String BOOTSTRAP_SECRET = "bootstrap-secret-of-the-oidc-test-" + java.util.UUID.randomUUID();
    static final URI REDIRECT = URI.create("https://app.example.com/callback");
    static final URI NATIVE_REDIRECT = URI.create("http://127.0.0.1:4711/native");

    /** Resource servers (RFC 8707) that clients may ask tokens for; a resource server of another team trusts ORDERS. */
    static final URI ORDERS = URI.create("https://orders.example.com");
    static final URI BILLING = URI.create("https://billing.example.com");

    /** The provider, and beside it (at {@link ResourceServers#CONTEXT_ROOT}) a resource server of another team that trusts ORDERS. */
    static MicroServer node;
    static Http http;
    static OIDCClientInformation confidential;
    static OIDCClientInformation publicClient;

    @BeforeAll
    static void start() throws Exception {
        node = ResourceServers.beside(MicroServer.fresh("oidc", Map.of("OIDC_REGISTRATION_TOKEN", REGISTRATION_TOKEN, "ADMIN_EMAILS", ADMIN_EMAIL,
                "ADMIN_BOOTSTRAP_SECRET", BOOTSTRAP_SECRET, "OIDC_RESOURCES", ORDERS + "," + BILLING)), ISSUER, ORDERS.toString()).start();
        http = node.http();
        assertEquals(201, http.register("oidc user", EMAIL, PASSWORD).status());
        confidential = register(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, REDIRECT);
        publicClient = register(ClientAuthenticationMethod.NONE, NATIVE_REDIRECT);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static URI at(String path) {
        return http.base().resolve(path);
    }

    static OIDCClientInformation register(ClientAuthenticationMethod method, URI redirect) throws Exception {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(redirect);
        metadata.setName("test app " + method);
        metadata.setPostLogoutRedirectionURIs(Set.of(SIGNED_OUT));
        metadata.setTokenEndpointAuthMethod(method);
        ClientRegistrationResponse response = OIDCClientRegistrationResponseParser.parse(new OIDCClientRegistrationRequest(
                at("/api/oidc/register"), metadata, new BearerAccessToken(REGISTRATION_TOKEN)).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return ((OIDCClientInformationResponse) response).getOIDCClientInformation();
    }

    static AuthenticationRequest.Builder request(OIDCClientInformation client, URI redirect, CodeVerifier verifier) {
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "profile", "offline_access"), client.getID(), redirect)
                .endpointURI(at("/api/oidc/authorize")).state(new State()).nonce(new Nonce());
        return verifier == null ? builder : builder.codeChallenge(verifier, CodeChallengeMethod.S256);
    }

    /** Follows the request to the login page and signs in there; the redirect back to the client. */
    /** The userinfo endpoint with an application's access token: 200 while the token lives. */
    static Reply userInfo(String accessToken) {
        return http.get("/api/oidc/userinfo", accessToken);
    }

    static AuthorizationResponse signIn(FormBrowser browser, AuthenticationRequest request, String password) throws Exception {
        Reply page = browser.get(request.toURI());
        assertEquals(200, page.status(), page::body);
        assertTrue(page.body().contains("type=\"email\"") && page.body().contains("type=\"password\"") && page.body().contains("type=\"submit\""), page.body());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("form-action"), "the page's script may run, its answer redirect: " + policy);
        Map<String, String> hidden = hidden(page.body());
        Reply posted = browser.postForm(at("/api/oidc/authorize"), Map.of("request", hidden.get("request"), "csrf", hidden.get("csrf"),
                "email", EMAIL, "password", password));
        assertEquals(303, posted.status(), posted::body);
        return AuthorizationResponse.parse(URI.create(posted.header("Location")));
    }

    static TokenResponse exchange(OIDCClientInformation client, AuthorizationCode code, URI redirect, CodeVerifier verifier) throws Exception {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirect, verifier);
        TokenRequest request = client.getSecret() == null
                ? new TokenRequest(at("/api/oidc/token"), client.getID(), grant)
                : new TokenRequest(at("/api/oidc/token"), new ClientSecretBasic(client.getID(), client.getSecret()), grant);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    @Test
    void discoveryDescribesTheProviderAndNoLegacyGrant() throws Exception {
        Reply reply = http.send(http.request("/.well-known/openid-configuration").GET().build());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(reply.body());
        assertEquals(new Issuer(ISSUER), metadata.getIssuer());
        assertEquals(URI.create(ISSUER + "/api/oidc/authorize"), metadata.getAuthorizationEndpointURI());
        assertEquals(URI.create(ISSUER + "/api/oidc/token"), metadata.getTokenEndpointURI());
        assertEquals(URI.create(ISSUER + "/api/oidc/register"), metadata.getRegistrationEndpointURI());
        assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
        assertTrue(metadata.supportsAuthorizationResponseIssuerParam());
        assertEquals(List.of(ResponseType.CODE), metadata.getResponseTypes());
        assertFalse(reply.body().contains("password"), reply.body());
        assertFalse(reply.body().contains("implicit"), reply.body());
    }

    @Test
    void theCodeFlowGivesVerifiableTokensAndSingleSignOnServesASecondClient() throws Exception {
        FormBrowser browser = new FormBrowser(http);
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = request(confidential, REDIRECT, verifier).build();
        AuthorizationResponse response = signIn(browser, request, PASSWORD);
        AuthorizationSuccessResponse success = assertInstanceOf(AuthorizationSuccessResponse.class, response);
        assertEquals(request.getState(), success.getState());
        assertEquals(new Issuer(ISSUER), success.getIssuer());
        String sso = browser.cookies.get("__Host-accounts_sso");
        assertNotNull(sso, browser.cookies.toString());

        TokenResponse tokens = exchange(confidential, success.getAuthorizationCode(), REDIRECT, verifier);
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse oidc = (OIDCTokenResponse) tokens;
        JWT idToken = oidc.getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(ISSUER), confidential.getID(), JWSAlgorithm.RS256,
                at("/.well-known/jwks.json").toURL()).validate(idToken, request.getNonce());
        AccessToken access = oidc.getOIDCTokens().getAccessToken();
        AccessTokenValidator.validate(access, JWSAlgorithm.RS256, claims.getAccessTokenHash());
        assertNotNull(claims.getAuthenticationTime());
        assertEquals(List.of("pwd"), claims.getStringListClaim("amr"));
        assertNotNull(claims.getStringClaim("sid"));
        assertNotNull(oidc.getOIDCTokens().getRefreshToken(), "offline_access was granted");

        // the access token names its client; it stands for the user at userinfo (below), not at the account API
        assertProblem(403, "urn:accounts:problem:application-token", http.me(access.getValue()));
        assertEquals(confidential.getID().getValue(), SignedJWT.parse(access.getValue()).getJWTClaimsSet().getStringClaim("client_id"));
        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(at("/api/oidc/userinfo"), (BearerAccessToken) access).toHTTPRequest().send());
        assertTrue(userInfo.indicatesSuccess(), () -> userInfo.toErrorResponse().getErrorObject().toString());
        assertEquals(EMAIL, userInfo.toSuccessResponse().getUserInfo().getEmailAddress());

        // the refresh token rotates through the sessions
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(at("/api/oidc/token"),
                new ClientSecretBasic(confidential.getID(), confidential.getSecret()),
                new RefreshTokenGrant(oidc.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), () -> refreshed.toErrorResponse().getErrorObject().toString());
        assertFalse(refreshed.toSuccessResponse().getTokens().getRefreshToken().equals(oidc.getOIDCTokens().getRefreshToken()));

        // single sign-on: the public client in the same browser gets a code without a form
        CodeVerifier nativeVerifier = new CodeVerifier();
        URI anyPort = URI.create("http://127.0.0.1:53124/native");
        AuthenticationRequest second = request(publicClient, anyPort, nativeVerifier).build();
        Reply at = browser.get(second.toURI());
        assertEquals(303, at.status(), at::body);
        AuthorizationSuccessResponse code = AuthorizationResponse.parse(URI.create(at.header("Location"))).toSuccessResponse();
        TokenResponse publicTokens = exchange(publicClient, code.getAuthorizationCode(), anyPort, nativeVerifier);
        assertTrue(publicTokens.indicatesSuccess(), () -> publicTokens.toErrorResponse().getErrorObject().toString());
        IDTokenClaimsSet secondClaims = new IDTokenValidator(new Issuer(ISSUER), publicClient.getID(), JWSAlgorithm.RS256,
                at("/.well-known/jwks.json").toURL()).validate(((OIDCTokenResponse) publicTokens).getOIDCTokens().getIDToken(), second.getNonce());
        assertEquals(claims.getStringClaim("sid"), secondClaims.getStringClaim("sid"));
        assertEquals(claims.getSubject(), secondClaims.getSubject());
    }

    @Test
    void anAnswerOfThePasskeyFormThatIsNoPasskeysShowsTheLoginPageAgain() throws Exception {
        FormBrowser browser = new FormBrowser(http);
        Reply page = browser.get(request(confidential, REDIRECT, new CodeVerifier()).build().toURI());
        assertTrue(page.body().contains("id=\"passkey-form\"") && page.body().contains("assets/login.js"), page.body());
        Map<String, String> login = hidden(page.body());
        Map<String, String> form = new java.util.HashMap<>(Map.of("request", login.get("request"), "csrf", login.get("csrf")));
        LoginPage.PASSKEY_FIELDS.forEach(field -> form.put(field, "AAAA"));
        Reply refused = browser.postForm(at("/api/oidc/authorize"), form);
        assertTrue(refused.status() == 400 || refused.status() == 401, refused::body);
        assertNull(refused.header("Location"), "nobody is signed in");
        assertTrue(refused.body().contains("type=\"password\"") && refused.body().contains("role=\"alert\""), refused.body());
    }

    @Test
    void aUserWithAnAuthenticatorAppGivesItsCodeOnTheLoginPageAndTheTokensSaySo() throws Exception {
        String email = TestDatabase.uniqueEmail("oidc-totp");
        String token = http.register("oidc totp", email, PASSWORD).token();
        String secret = http.enrolTotp(token).json().getString("secret");
        assertEquals(200, http.confirmTotp(token, TotpCodes.now(secret)).status());

        FormBrowser browser = new FormBrowser(http);
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = request(confidential, REDIRECT, verifier).build();
        Map<String, String> login = hidden(browser.get(request.toURI()).body());
        Reply step = browser.postForm(at("/api/oidc/authorize"), Map.of("request", login.get("request"), "csrf", login.get("csrf"),
                "email", email, "password", PASSWORD));
        assertEquals(200, step.status(), step::body);
        assertTrue(step.body().contains("name=\"code\"") && step.body().contains("one-time-code"), step.body());
        assertFalse(step.body().contains("passkey-form"), "no passkey offered to an account without one");
        assertTrue(step.header("Content-Security-Policy").contains("script-src 'self'"), step::toString);
        assertNull(step.header("Location"), "no code for the client before the second step");
        Map<String, String> second = hidden(step.body());

        Reply wrong = browser.postForm(at("/api/oidc/authorize"), Map.of("request", second.get("request"), "csrf", second.get("csrf"),
                "mfa_token", second.get("mfa_token"), "code", "abcdef"));
        assertEquals(401, wrong.status(), wrong::body);
        Reply posted = browser.postForm(at("/api/oidc/authorize"), Map.of("request", second.get("request"), "csrf", second.get("csrf"),
                "mfa_token", second.get("mfa_token"), "code", TotpCodes.next(secret)));
        assertEquals(303, posted.status(), posted::body);

        AuthorizationSuccessResponse success = AuthorizationResponse.parse(URI.create(posted.header("Location"))).toSuccessResponse();
        OIDCTokenResponse tokens = (OIDCTokenResponse) exchange(confidential, success.getAuthorizationCode(), REDIRECT, verifier);
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(ISSUER), confidential.getID(), JWSAlgorithm.RS256,
                at("/.well-known/jwks.json").toURL()).validate(tokens.getOIDCTokens().getIDToken(), request.getNonce());
        assertEquals(List.of("pwd", "otp", "mfa"), claims.getStringListClaim("amr"));
        assertEquals("2", claims.getACR().getValue());
        assertEquals(List.of("pwd", "otp", "mfa"), SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue())
                .getJWTClaimsSet().getStringListClaim("amr"));
    }

    @Test
    void aReplayedCodeIsRefusedAndEndsWhatItIssued() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationSuccessResponse success = signIn(new FormBrowser(http), request(confidential, REDIRECT, verifier).build(), PASSWORD).toSuccessResponse();
        TokenResponse first = exchange(confidential, success.getAuthorizationCode(), REDIRECT, verifier);
        assertTrue(first.indicatesSuccess());
        String access = first.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(200, userInfo(access).status());

        TokenResponse again = exchange(confidential, success.getAuthorizationCode(), REDIRECT, verifier);
        assertEquals("invalid_grant", ((TokenErrorResponse) again).getErrorObject().getCode());
        assertEquals(401, Await.until(() -> userInfo(access), reply -> reply.status() == 401).status());
    }

    @Test
    void aClientRevokesItsRefreshTokenAndIntrospectsWithItsOwnSecret() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationSuccessResponse success = signIn(new FormBrowser(http), request(confidential, REDIRECT, verifier).build(), PASSWORD).toSuccessResponse();
        OIDCTokenResponse tokens = (OIDCTokenResponse) exchange(confidential, success.getAuthorizationCode(), REDIRECT, verifier);
        String access = tokens.getOIDCTokens().getAccessToken().getValue();
        TokenIntrospectionResponse active = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(at("/api/oauth/introspect"),
                new ClientSecretBasic(confidential.getID(), confidential.getSecret()), new BearerAccessToken(access)).toHTTPRequest().send());
        assertTrue(active.toSuccessResponse().isActive());

        // another client cannot revoke this client's token; the owner can, and its session ends
        HTTPResponse notTheirs = new TokenRevocationRequest(at("/api/oidc/revoke"), publicClient.getID(),
                tokens.getOIDCTokens().getRefreshToken()).toHTTPRequest().send();
        assertEquals(200, notTheirs.getStatusCode());
        assertEquals(200, userInfo(access).status());
        HTTPResponse revoked = new TokenRevocationRequest(at("/api/oidc/revoke"), new ClientSecretBasic(confidential.getID(), confidential.getSecret()),
                tokens.getOIDCTokens().getRefreshToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        assertEquals(401, Await.until(() -> userInfo(access), reply -> reply.status() == 401).status());
        TokenResponse refresh = TokenResponse.parse(new TokenRequest(at("/api/oidc/token"),
                new ClientSecretBasic(confidential.getID(), confidential.getSecret()),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
        assertEquals("invalid_grant", refresh.toErrorResponse().getErrorObject().getCode());
        HTTPResponse wrongSecret = new TokenRevocationRequest(at("/api/oidc/revoke"), new ClientSecretBasic(confidential.getID(), new Secret("wrong")),
                tokens.getOIDCTokens().getRefreshToken()).toHTTPRequest().send();
        assertEquals(401, wrongSecret.getStatusCode());
    }

    @Test
    void clientCredentialsGiveAConfidentialClientATokenOfItsOwn() throws Exception {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(REDIRECT);
        metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        OIDCClientInformation service = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser.parse(new OIDCClientRegistrationRequest(
                at("/api/oidc/register"), metadata, new BearerAccessToken(REGISTRATION_TOKEN)).toHTTPRequest().send())).getOIDCClientInformation();
        TokenResponse response = TokenResponse.parse(new TokenRequest(at("/api/oidc/token"),
                new ClientSecretBasic(service.getID(), service.getSecret()), new ClientCredentialsGrant()).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        var claims = SignedJWT.parse(response.toSuccessResponse().getTokens().getAccessToken().getValue()).getJWTClaimsSet();
        assertEquals(service.getID().getValue(), claims.getSubject());
        assertEquals(service.getID().getValue(), claims.getStringClaim("client_id"));
        assertNull(claims.getClaim("upn"));
        assertEquals(List.of("accounts"), claims.getAudience());
        TokenResponse forOrders = TokenResponse.parse(new TokenRequest.Builder(at("/api/oidc/token"),
                new ClientSecretBasic(service.getID(), service.getSecret()), new ClientCredentialsGrant()).resource(ORDERS).build().toHTTPRequest().send());
        assertEquals(List.of(ORDERS.toString(), "accounts"),
                SignedJWT.parse(forOrders.toSuccessResponse().getTokens().getAccessToken().getValue()).getJWTClaimsSet().getAudience());
        TokenResponse forStrangers = TokenResponse.parse(new TokenRequest.Builder(at("/api/oidc/token"),
                new ClientSecretBasic(service.getID(), service.getSecret()), new ClientCredentialsGrant()).resource(URI.create("https://evil.example"))
                .build().toHTTPRequest().send());
        assertEquals("invalid_target", forStrangers.toErrorResponse().getErrorObject().getCode());

        TokenResponse notForCode = TokenResponse.parse(new TokenRequest(at("/api/oidc/token"),
                new ClientSecretBasic(confidential.getID(), confidential.getSecret()), new ClientCredentialsGrant()).toHTTPRequest().send());
        assertEquals("unauthorized_client", notForCode.toErrorResponse().getErrorObject().getCode());
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        HTTPResponse publicOne = new OIDCClientRegistrationRequest(at("/api/oidc/register"), metadata, new BearerAccessToken(REGISTRATION_TOKEN))
                .toHTTPRequest().send();
        assertEquals(400, publicOne.getStatusCode());
    }

    @Test
    void aResourceServerAcceptsTheAccessTokensForItsAudienceAndRefusesAnotherAudiences() throws Exception {
        Http orders = http; // the resource server of another team, on the provider's node
        FormBrowser browser = new FormBrowser(http);
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationSuccessResponse success = signIn(browser, request(confidential, REDIRECT, verifier).resource(ORDERS).build(), PASSWORD)
                .toSuccessResponse();
        OIDCTokenResponse forOrders = (OIDCTokenResponse) exchange(confidential, success.getAuthorizationCode(), REDIRECT, verifier);
        String access = forOrders.getOIDCTokens().getAccessToken().getValue();
        assertEquals(List.of(ORDERS.toString(), "accounts"), SignedJWT.parse(access).getJWTClaimsSet().getAudience());
        Reply accepted = orders.get(ResourceServers.GREETINGS, access);
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("hello " + EMAIL, accepted.body());
        assertEquals(200, http.get("/api/oidc/userinfo", access).status(), "the token stays good at the userinfo endpoint");
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(at("/api/oidc/token"), new ClientSecretBasic(confidential.getID(),
                confidential.getSecret()), new RefreshTokenGrant(forOrders.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), () -> refreshed.toErrorResponse().getErrorObject().toString());
        assertEquals(200, orders.get(ResourceServers.GREETINGS, refreshed.toSuccessResponse().getTokens().getAccessToken().getValue()).status(),
                "a refreshed token keeps its audience");

        // billing's token (asked for at the token endpoint alone) and a token for no resource server: not for orders
        verifier = new CodeVerifier();
        success = signIn(new FormBrowser(http), request(confidential, REDIRECT, verifier).build(), PASSWORD).toSuccessResponse();
        TokenResponse forBilling = OIDCTokenResponseParser.parse(new TokenRequest.Builder(at("/api/oidc/token"),
                new ClientSecretBasic(confidential.getID(), confidential.getSecret()),
                new AuthorizationCodeGrant(success.getAuthorizationCode(), REDIRECT, verifier)).resource(BILLING).build().toHTTPRequest().send());
        assertTrue(forBilling.indicatesSuccess(), () -> forBilling.toErrorResponse().getErrorObject().toString());
        String billing = forBilling.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(List.of(BILLING.toString(), "accounts"), SignedJWT.parse(billing).getJWTClaimsSet().getAudience());
        assertEquals(401, orders.get(ResourceServers.GREETINGS, billing).status());
        assertEquals(401, orders.get(ResourceServers.GREETINGS, http.login(EMAIL, PASSWORD).token()).status(), "the API's own token");

        // a resource server the provider does not know, or not among those the authorization named: invalid_target
        Reply unknown = browser.get(request(confidential, REDIRECT, new CodeVerifier()).resource(URI.create("https://evil.example")).build().toURI());
        assertEquals("invalid_target", parseError(unknown).getErrorObject().getCode());
        verifier = new CodeVerifier();
        success = signIn(new FormBrowser(http), request(confidential, REDIRECT, verifier).resource(ORDERS).build(), PASSWORD).toSuccessResponse();
        TokenResponse widened = OIDCTokenResponseParser.parse(new TokenRequest.Builder(at("/api/oidc/token"),
                new ClientSecretBasic(confidential.getID(), confidential.getSecret()),
                new AuthorizationCodeGrant(success.getAuthorizationCode(), REDIRECT, verifier)).resource(BILLING).build().toHTTPRequest().send());
        assertEquals("invalid_target", widened.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void anAdminRegistersListsUpdatesRotatesAndDeletesClients() throws Exception {
        assertEquals(201, http.register("oidc admin", ADMIN_EMAIL, PASSWORD).status());
        assertEquals(200, http.bootstrapAdmin(http.login(ADMIN_EMAIL, PASSWORD).token(), BOOTSTRAP_SECRET).status());
        String passwordOnly = http.login(ADMIN_EMAIL, PASSWORD).token();
        assertProblem(403, "urn:accounts:problem:mfa-required-for-admin", http.get("/api/admin/clients", passwordOnly));
        assertEquals(403, new OIDCClientRegistrationRequest(at("/api/oidc/register"), new OIDCClientMetadata(),
                new BearerAccessToken(passwordOnly)).toHTTPRequest().send().getStatusCode());
        SecondFactors.Factor factor = SecondFactors.enrol(http, passwordOnly);
        String admin = SecondFactors.login(http, ADMIN_EMAIL, PASSWORD, TotpCodes.next(factor.secret())).token();
        String user = http.login(EMAIL, PASSWORD).token();

        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(REDIRECT);
        HTTPResponse byUser = new OIDCClientRegistrationRequest(at("/api/oidc/register"), metadata, new BearerAccessToken(user)).toHTTPRequest().send();
        assertEquals(401, byUser.getStatusCode());
        OIDCClientInformation client = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser.parse(new OIDCClientRegistrationRequest(
                at("/api/oidc/register"), metadata, new BearerAccessToken(admin)).toHTTPRequest().send())).getOIDCClientInformation();
        String id = client.getID().getValue();

        Reply list = http.send(http.request("/api/admin/clients").header("Authorization", "Bearer " + admin).GET().build());
        assertEquals(200, list.status());
        assertTrue(list.body().contains(id), list.body());
        assertFalse(list.body().contains("client_secret\""), list.body());
        assertEquals(403, http.send(http.request("/api/admin/clients").header("Authorization", "Bearer " + user).GET().build()).status());

        Reply updated = http.send(http.request("/api/admin/clients/" + id).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"renamed\",\"redirect_uris\":[\"https://app.example.com/new\"]}")).build());
        assertEquals(200, updated.status(), updated::body);
        assertEquals("renamed", updated.json().getString("client_name"));
        Reply invalid = http.send(http.request("/api/admin/clients/" + id).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"http://app.example.com/plain\"]}")).build());
        assertProblem(400, invalid);

        Reply rotated = http.send(http.request("/api/admin/clients/" + id + "/secret").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, rotated.status(), rotated::body);
        Secret fresh = new Secret(rotated.json().getString("client_secret"));
        TokenIntrospectionResponse oldSecret = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(at("/api/oauth/introspect"),
                new ClientSecretBasic(client.getID(), client.getSecret()), new BearerAccessToken(user)).toHTTPRequest().send());
        assertFalse(oldSecret.indicatesSuccess());
        TokenIntrospectionResponse newSecret = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(at("/api/oauth/introspect"),
                new ClientSecretBasic(client.getID(), fresh), new BearerAccessToken(user)).toHTTPRequest().send());
        assertTrue(newSecret.toSuccessResponse().isActive());

        assertEquals(204, http.send(http.request("/api/admin/clients/" + id).header("Authorization", "Bearer " + admin).DELETE().build()).status());
        Reply gone = new FormBrowser(http).get(request(client, URI.create("https://app.example.com/new"), new CodeVerifier()).build().toURI());
        assertEquals(400, gone.status());
        assertNull(gone.header("Location"));
    }

    @Test
    void loggingOutAtTheProviderEndsTheBrowserSessionAndEveryClientsTokens() throws Exception {
        FormBrowser browser = new FormBrowser(http);
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationSuccessResponse first = signIn(browser, request(confidential, REDIRECT, verifier).build(), PASSWORD).toSuccessResponse();
        OIDCTokenResponse confidentialTokens = (OIDCTokenResponse) exchange(confidential, first.getAuthorizationCode(), REDIRECT, verifier);
        CodeVerifier nativeVerifier = new CodeVerifier();
        Reply sso = browser.get(request(publicClient, NATIVE_REDIRECT, nativeVerifier).build().toURI());
        AuthorizationSuccessResponse second = AuthorizationResponse.parse(URI.create(sso.header("Location"))).toSuccessResponse();
        OIDCTokenResponse publicTokens = (OIDCTokenResponse) exchange(publicClient, second.getAuthorizationCode(), NATIVE_REDIRECT, nativeVerifier);
        String publicAccess = publicTokens.getOIDCTokens().getAccessToken().getValue();
        assertEquals(200, userInfo(publicAccess).status());

        Reply unregistered = browser.get(new LogoutRequest(at("/api/oidc/logout"), confidentialTokens.getOIDCTokens().getIDToken(),
                URI.create("https://evil.example/after"), new State()).toURI());
        assertEquals(400, unregistered.status());
        assertNull(unregistered.header("Location"));
        Reply noHint = browser.get(new LogoutRequest(at("/api/oidc/logout"), null, SIGNED_OUT, new State()).toURI());
        assertEquals(400, noHint.status());

        State state = new State();
        Reply out = browser.get(new LogoutRequest(at("/api/oidc/logout"), confidentialTokens.getOIDCTokens().getIDToken(), SIGNED_OUT, state).toURI());
        assertEquals(303, out.status(), out::body);
        assertEquals(SIGNED_OUT + "?state=" + state.getValue(), out.header("Location"));
        assertEquals(401, Await.until(() -> userInfo(publicAccess), reply -> reply.status() == 401).status());
        assertEquals(401, userInfo(confidentialTokens.getOIDCTokens().getAccessToken().getValue()).status());
        Reply after = browser.get(request(confidential, REDIRECT, new CodeVerifier()).prompt(new Prompt(Prompt.Type.NONE)).build().toURI());
        assertEquals("login_required", parseError(after).getErrorObject().getCode());
    }

    @Test
    void aClientWithABackChannelLogoutUriIsToldWhenItsSessionEndsEvenIfItFailedTheFirstTime() throws Exception {
        // the client's endpoint is down at first (503), then takes the logout token: it is sent again, with the same jti
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(attempts.incrementAndGet() == 1 ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            OIDCClientMetadata metadata = new OIDCClientMetadata();
            metadata.setRedirectionURI(REDIRECT);
            metadata.setBackChannelLogoutURI(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel"));
            OIDCClientInformation client = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser.parse(new OIDCClientRegistrationRequest(
                    at("/api/oidc/register"), metadata, new BearerAccessToken(REGISTRATION_TOKEN)).toHTTPRequest().send())).getOIDCClientInformation();
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationSuccessResponse success = signIn(new FormBrowser(http), request(client, REDIRECT, verifier).build(), PASSWORD).toSuccessResponse();
            OIDCTokenResponse tokens = (OIDCTokenResponse) exchange(client, success.getAuthorizationCode(), REDIRECT, verifier);
            IDTokenClaimsSet id = new IDTokenValidator(new Issuer(ISSUER), client.getID(), JWSAlgorithm.RS256,
                    at("/.well-known/jwks.json").toURL()).validate(tokens.getOIDCTokens().getIDToken(), null);

            // the user logs out of this client's session everywhere: the client hears of it
            assertEquals(200, new TokenRevocationRequest(at("/api/oidc/revoke"), new ClientSecretBasic(client.getID(), client.getSecret()),
                    tokens.getOIDCTokens().getRefreshToken()).toHTTPRequest().send().getStatusCode());
            var refused = logoutToken(client, received.poll(30, java.util.concurrent.TimeUnit.SECONDS));
            var taken = logoutToken(client, received.poll(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(refused.getJWTID(), taken.getJWTID());
            assertEquals(id.getSessionID(), taken.getSessionID());
            assertEquals(id.getSubject(), taken.getSubject());
        } finally {
            receiver.stop(0);
        }
    }

    /** A posted form body's logout token, validated as a client would (issuer, audience, signature, event, no nonce). */
    static com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet logoutToken(OIDCClientInformation client, String body) throws Exception {
        assertNotNull(body, "no logout token arrived");
        assertTrue(body.startsWith("logout_token="), body);
        JWT logoutToken = com.nimbusds.jwt.JWTParser.parse(java.net.URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
        return new com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator(new Issuer(ISSUER), client.getID(),
                JWSAlgorithm.RS256, at("/.well-known/jwks.json").toURL()).validate(logoutToken);
    }

    @Test
    void aLogoutOfAllSessionsEndsTheBrowserSignInToo() throws Exception {
        String email = TestDatabase.uniqueEmail("oidc-global");
        assertEquals(201, http.register("global", email, PASSWORD).status());
        FormBrowser browser = new FormBrowser(http);
        AuthenticationRequest request = request(confidential, REDIRECT, new CodeVerifier()).build();
        Reply page = browser.get(request.toURI());
        Map<String, String> hidden = hidden(page.body());
        Reply signedIn = browser.postForm(at("/api/oidc/authorize"), Map.of("request", hidden.get("request"), "csrf", hidden.get("csrf"),
                "email", email, "password", PASSWORD));
        assertEquals(303, signedIn.status(), signedIn::body);
        Reply sso = browser.get(request(confidential, REDIRECT, new CodeVerifier()).prompt(new Prompt(Prompt.Type.NONE)).build().toURI());
        assertTrue(AuthorizationResponse.parse(URI.create(sso.header("Location"))).indicatesSuccess());

        String api = http.login(email, PASSWORD).token();
        assertEquals(200, http.send(http.request("/api/users/logout?scope=global").header("Authorization", "Bearer " + api).DELETE().build()).status());
        Reply after = browser.get(request(confidential, REDIRECT, new CodeVerifier()).prompt(new Prompt(Prompt.Type.NONE)).build().toURI());
        assertEquals("login_required", parseError(after).getErrorObject().getCode());
    }

    @Test
    void aCodeIsBoundToItsRedirectUriAndVerifierAndClient() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationSuccessResponse success = signIn(new FormBrowser(http), request(confidential, REDIRECT, verifier).build(), PASSWORD).toSuccessResponse();
        TokenResponse otherRedirect = exchange(confidential, success.getAuthorizationCode(), URI.create("https://app.example.com/other"), verifier);
        assertEquals("invalid_grant", ((TokenErrorResponse) otherRedirect).getErrorObject().getCode());
        TokenResponse otherVerifier = exchange(confidential, success.getAuthorizationCode(), REDIRECT, new CodeVerifier());
        assertEquals("invalid_grant", ((TokenErrorResponse) otherVerifier).getErrorObject().getCode());
        TokenResponse wrongSecret = exchange(new OIDCClientInformation(confidential.getID(), null, confidential.getOIDCMetadata(),
                new Secret("not the secret")), success.getAuthorizationCode(), REDIRECT, verifier);
        assertEquals("invalid_client", ((TokenErrorResponse) wrongSecret).getErrorObject().getCode());
        assertEquals(401, ((TokenErrorResponse) wrongSecret).getErrorObject().getHTTPStatusCode());
        HTTPResponse posted = new TokenRequest(at("/api/oidc/token"), new ClientSecretPost(confidential.getID(), confidential.getSecret()),
                new AuthorizationCodeGrant(success.getAuthorizationCode(), REDIRECT, verifier)).toHTTPRequest().send();
        assertEquals(401, posted.getStatusCode(), "the client registered client_secret_basic");
    }

    @Test
    void requestsThatCannotBeSentBackGetAnErrorPage() {
        FormBrowser browser = new FormBrowser(http);
        Reply wrongRedirect = browser.get(request(confidential, URI.create("https://evil.example/callback"), new CodeVerifier()).build().toURI());
        assertEquals(400, wrongRedirect.status());
        assertNull(wrongRedirect.header("Location"));
        Reply unknownClient = browser.get(new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), new ClientID("nobody"), REDIRECT)
                .endpointURI(at("/api/oidc/authorize")).build().toURI());
        assertEquals(400, unknownClient.status());
        assertNull(unknownClient.header("Location"));
    }

    @Test
    void otherErrorsGoBackToTheClientWithTheIssuer() {
        FormBrowser browser = new FormBrowser(http);
        Reply noPkce = browser.get(request(publicClient, NATIVE_REDIRECT, null).build().toURI());
        assertEquals(303, noPkce.status());
        AuthorizationErrorResponse error = parseError(noPkce);
        assertEquals("invalid_request", error.getErrorObject().getCode());
        assertEquals(new Issuer(ISSUER), error.getIssuer());

        Reply none = browser.get(request(confidential, REDIRECT, new CodeVerifier()).prompt(new Prompt(Prompt.Type.NONE)).build().toURI());
        assertEquals("login_required", parseError(none).getErrorObject().getCode());
    }

    static AuthorizationErrorResponse parseError(Reply reply) {
        try {
            return AuthorizationResponse.parse(URI.create(reply.header("Location"))).toErrorResponse();
        } catch (Exception e) {
            throw new AssertionError(reply.header("Location"), e);
        }
    }

    @Test
    void theLoginFormWantsItsCsrfValueAndTheRightPassword() throws Exception {
        FormBrowser browser = new FormBrowser(http);
        AuthenticationRequest request = request(confidential, REDIRECT, new CodeVerifier()).build();
        Map<String, String> hidden = hidden(browser.get(request.toURI()).body());
        Reply forged = browser.postForm(at("/api/oidc/authorize"), Map.of("request", hidden.get("request"), "csrf", "forged-value",
                "email", EMAIL, "password", PASSWORD));
        assertEquals(403, forged.status());
        assertNull(forged.header("Location"));
        Reply wrong = browser.postForm(at("/api/oidc/authorize"), Map.of("request", hidden.get("request"), "csrf", hidden.get("csrf"),
                "email", EMAIL, "password", "not the password at all"));
        assertEquals(401, wrong.status());
        assertNull(wrong.header("Location"));
        assertTrue(wrong.body().contains("Wrong email or password"), wrong.body());
    }

    @Test
    void registrationWantsTheInitialAccessToken() throws Exception {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(REDIRECT);
        HTTPResponse without = new OIDCClientRegistrationRequest(at("/api/oidc/register"), metadata, null).toHTTPRequest().send();
        assertEquals(401, without.getStatusCode());
        HTTPResponse wrong = new OIDCClientRegistrationRequest(at("/api/oidc/register"), metadata, new BearerAccessToken("wrong")).toHTTPRequest().send();
        assertEquals(401, wrong.getStatusCode());
        metadata.setRedirectionURI(URI.create("http://app.example.com/plain"));
        HTTPResponse plainHttp = new OIDCClientRegistrationRequest(at("/api/oidc/register"), metadata, new BearerAccessToken(REGISTRATION_TOKEN)).toHTTPRequest().send();
        assertEquals(400, plainHttp.getStatusCode());
        assertEquals("invalid_redirect_uri", plainHttp.getBodyAsJSONObject().get("error"));
    }
}
