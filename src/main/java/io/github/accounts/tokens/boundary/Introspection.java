package io.github.accounts.tokens.boundary;

import io.github.accounts.tokens.control.KeyRing;
import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.tokens.control.IntrospectionClients;
import io.github.accounts.tokens.control.VerifiedToken;
import io.github.accounts.oidc.boundary.Clients;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * RFC 7662 token introspection for resource servers that must honour logouts at once: a token is active only
 * when it verifies, has not expired, and was not revoked. Callers authenticate as a client of
 * {@code INTROSPECTION_CLIENTS} (see {@link IntrospectionClients}) or as a registered confidential OpenID Connect
 * client with HTTP Basic; failures are throttled per address.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Introspection {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    KeyRing keys;

    @EJB
    Revocations revocations;

    @EJB
    Throttle throttle;

    @Inject
    IntrospectionClients clients;

    /** The OpenID Provider's registered confidential clients may introspect too. */
    @EJB
    Clients registered;

    /**
     * The client named by a Basic {@code Authorization} header, if its secret is right. A wrong one is counted
     * against the caller's address, and an address with too many is refused (429) whatever it sends.
     */
    public Optional<String> client(String authorization, String address) {
        throttle.checkIntrospection(address);
        Optional<String> client = authenticate(authorization);
        if (client.isEmpty()) {
            throttle.introspectionFailed(address);
        }
        return client;
    }

    private Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        return clients.authenticate(id, secret).or(() -> registered.confidential(id, secret));
    }

    public JsonObject introspect(String token, String client) {
        Optional<VerifiedToken> verified = keys.verifier().verify(token)
                .filter(t -> !revocations.isRevoked(t.getTokenID(), t.getClaim(TokenIssuer.SESSION_CLAIM) instanceof jakarta.json.JsonString sid ? sid.getString() : null));
        if (verified.isEmpty()) {
            return JSON.createObjectBuilder().add("active", false).build();
        }
        VerifiedToken t = verified.get();
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        t.getGroups().stream().sorted().forEach(groups::add);
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("active", true)
                .add("token_type", "Bearer")
                .add("client_id", client)
                .add("iss", t.getIssuer())
                .add("sub", t.getSubject())
                .add("username", t.getName())
                .add("groups", groups)
                .add("scope", String.join(" ", t.getGroups().stream().sorted().toList()))
                .add("iat", t.getIssuedAtTime())
                .add("exp", t.getExpirationTime())
                .add("jti", t.getTokenID());
        if (t.getClaim(TokenIssuer.SESSION_CLAIM) instanceof jakarta.json.JsonString sid) {
            answer.add(TokenIssuer.SESSION_CLAIM, sid.getString());
        }
        return answer.build();
    }
}
