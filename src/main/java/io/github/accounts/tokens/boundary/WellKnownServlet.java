package io.github.accounts.tokens.boundary;

import io.github.accounts.tokens.control.KeyRing;
import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.web.control.PublicUrl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Discovery for resource servers: {@code /.well-known/jwks.json} (the public keys, never private parts) and
 * {@code /.well-known/openid-configuration}, cacheable for less time than a new key is published before it signs.
 * Every URL in them comes from {@code PUBLIC_URL}, never from the request: a cached answer is the same for all.
 */
@WebServlet(urlPatterns = {WellKnownServlet.JWKS, WellKnownServlet.CONFIGURATION})
public class WellKnownServlet extends HttpServlet {

    static final String JWKS = "/.well-known/jwks.json";
    static final String CONFIGURATION = "/.well-known/openid-configuration";

    @Inject
    KeyRing keys;

    @Inject
    PublicUrl publicUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = JWKS.equals(request.getServletPath()) ? keys.publicKeys().toString() : configuration();
        response.setContentType(JWKS.equals(request.getServletPath()) ? "application/jwk-set+json" : "application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "public, max-age=" + keys.publicKeysMaxAge());
        response.getWriter().write(body);
    }

    /**
     * OpenID Connect Discovery 1.0 and RFC 8414: what the provider serves, and nothing it does not (no
     * {@code password} grant, no implicit flow).
     */
    private String configuration() {
        return Json.createObjectBuilder()
                .add("issuer", publicUrl.issuer())
                .add("authorization_endpoint", publicUrl.of("/api/oidc/authorize"))
                .add("token_endpoint", publicUrl.of("/api/oidc/token"))
                .add("userinfo_endpoint", publicUrl.of("/api/oidc/userinfo"))
                .add("jwks_uri", publicUrl.of(JWKS))
                .add("registration_endpoint", publicUrl.of("/api/oidc/register"))
                .add("revocation_endpoint", publicUrl.of("/api/oidc/revoke"))
                .add("end_session_endpoint", publicUrl.of("/api/oidc/logout"))
                .add("introspection_endpoint", publicUrl.of("/api/oauth/introspect"))
                .add("scopes_supported", strings("openid", "profile", "email", "offline_access"))
                .add("response_types_supported", strings("code"))
                .add("response_modes_supported", strings("query"))
                .add("grant_types_supported", strings("authorization_code", "refresh_token", "client_credentials"))
                .add("code_challenge_methods_supported", strings("S256"))
                .add("subject_types_supported", strings("public"))
                .add("id_token_signing_alg_values_supported", strings("RS256"))
                .add("token_endpoint_auth_methods_supported", strings("client_secret_basic", "client_secret_post", "none"))
                .add("revocation_endpoint_auth_methods_supported", strings("client_secret_basic", "client_secret_post", "none"))
                .add("introspection_endpoint_auth_methods_supported", strings("client_secret_basic"))
                .add("prompt_values_supported", strings("none", "login"))
                .add("claims_supported", strings("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid", "at_hash",
                        "amr", "acr", "name", "preferred_username", "email", "upn", "groups", "jti", "client_id", "scope"))
                .add("acr_values_supported", strings(TokenIssuer.ACR_SINGLE_FACTOR, TokenIssuer.ACR_MULTI_FACTOR))
                .add("authorization_response_iss_parameter_supported", true)
                .add("backchannel_logout_supported", true)
                .add("backchannel_logout_session_supported", true)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .add("claims_parameter_supported", false)
                .build().toString();
    }

    private static jakarta.json.JsonArrayBuilder strings(String... values) {
        jakarta.json.JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
