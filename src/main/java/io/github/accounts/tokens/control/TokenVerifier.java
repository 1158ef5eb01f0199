package io.github.accounts.tokens.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verifies this service's access tokens with MicroProfile JWT's rules (signature by a published key, issuer,
 * expiry, {@code typ: JWT}, the required claims) plus RFC 8725's (RS256 only, a known {@code kid}, no header
 * naming a key source). A token verified once is remembered until it expires, so a client that sends the same
 * token again costs a map lookup, not an RSA verification.
 */
public final class TokenVerifier {

    static final int MAX_REMEMBERED = 10_000;

    private final Map<String, VerifiedToken> remembered = new ConcurrentHashMap<>();
    private final Function<String, Optional<RSASSAVerifier>> verifierByKid;
    private final String issuer;

    public TokenVerifier(String issuer, Function<String, Optional<RSASSAVerifier>> verifierByKid) {
        this.issuer = issuer;
        this.verifierByKid = verifierByKid;
    }

    public Optional<VerifiedToken> verify(String compact) {
        if (compact == null) {
            return Optional.empty();
        }
        long now = Instant.now().getEpochSecond();
        VerifiedToken known = remembered.get(compact);
        if (known != null) {
            return known.expiresAt() > now ? Optional.of(known) : Optional.empty();
        }
        Optional<VerifiedToken> verified = verifyNow(compact, now);
        verified.ifPresent(token -> {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.values().removeIf(t -> t.expiresAt() <= now);
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
            }
            remembered.put(compact, token);
        });
        return verified;
    }

    /** Forgets every remembered verification, e.g. when the published keys change. */
    public void forget() {
        remembered.clear();
    }

    private Optional<VerifiedToken> verifyNow(String compact, long now) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWSHeader header = jwt.getHeader();
            if (!KeyMaterial.ALGORITHM.equals(header.getAlgorithm()) || !JOSEObjectType.JWT.equals(header.getType())
                    || header.getKeyID() == null || header.getJWKURL() != null || header.getJWK() != null
                    || header.getX509CertURL() != null || header.getX509CertChain() != null || header.getCriticalParams() != null) {
                return Optional.empty();
            }
            Optional<RSASSAVerifier> verifier = verifierByKid.apply(header.getKeyID());
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null || claims.getJWTID() == null
                    || expires == null || issued == null || !issued.before(expires) || expires.getTime() / 1000 <= now
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().getTime() / 1000 > now)
                    || !(claims.getClaim("groups") == null || claims.getClaim("groups") instanceof List<?>)) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(compact, claims.toJSONObject()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
