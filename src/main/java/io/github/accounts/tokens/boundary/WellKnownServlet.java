package io.github.accounts.tokens.boundary;

import io.github.accounts.web.control.PublicUrl;
import jakarta.ejb.EJB;
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

    @EJB
    SigningKeys keys;

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

    private String configuration() {
        return Json.createObjectBuilder()
                .add("issuer", keys.issuer())
                .add("jwks_uri", publicUrl.of(JWKS))
                .add("token_endpoint", publicUrl.of("/api/tokens/refresh"))
                .add("introspection_endpoint", publicUrl.of("/api/oauth/introspect"))
                .add("grant_types_supported", Json.createArrayBuilder().add("password").add("refresh_token"))
                .add("response_types_supported", Json.createArrayBuilder().add("token"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("introspection_endpoint_auth_methods_supported", Json.createArrayBuilder().add("client_secret_basic"))
                .add("claims_supported", Json.createArrayBuilder().add("iss").add("sub").add("upn").add("preferred_username")
                        .add("groups").add("iat").add("exp").add("jti").add("sid"))
                .build().toString();
    }
}
