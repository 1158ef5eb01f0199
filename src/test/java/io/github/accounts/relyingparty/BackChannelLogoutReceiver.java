package io.github.accounts.relyingparty;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * OpenID Connect Back-Channel Logout 1.0 on the relying party's side, which Jakarta Security does not have: the
 * provider posts a logout token; it must be signed by a key of the provider's JWKS, name the provider as issuer and
 * this client as audience, carry the back-channel logout event and a {@code sid}, and no {@code nonce}. The sessions
 * signed in with that {@code sid} end. {@code GET} lists the {@code sid}s ended so (for the test).
 */
@WebServlet("/backchannel-logout")
public class BackChannelLogoutReceiver extends HttpServlet {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @Inject
    RelyingPartySettings settings;

    @Inject
    SignedInSessions sessions;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        try {
            JWTClaimsSet claims = processor().process(token == null ? "" : token, null);
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (events == null || !events.containsKey(EVENT) || claims.getClaim("nonce") != null) {
                throw new BadJOSEException("not a logout token");
            }
            sessions.end(claims.getStringClaim("sid"));
            response.setStatus(200);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            response.sendError(400, "invalid_request");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.join("\n", sessions.ended()));
    }

    /** Verifies logout tokens with the keys and issuer of the provider's discovery document, read once. */
    private DefaultJWTProcessor<SecurityContext> processor() throws IOException {
        if (processor == null) {
            JsonObject discovery;
            try (InputStream in = URI.create(settings.getProvider() + "/.well-known/openid-configuration").toURL().openStream();
                 JsonReader reader = Json.createReader(in)) {
                discovery = reader.readObject();
            }
            DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
            built.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("logout+jwt")));
            built.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    JWKSourceBuilder.create(URI.create(discovery.getString("jwks_uri")).toURL()).build()));
            built.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.getClientId(),
                    new JWTClaimsSet.Builder().issuer(discovery.getString("issuer")).build(),
                    Set.of("iat", "exp", "jti", "sid", "events")));
            processor = built;
        }
        return processor;
    }
}
