package io.github.accounts.tokens.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies this service's access tokens with MicroProfile JWT's rules (signature by a published key, issuer,
 * expiry, {@code typ: JWT}, the required claims) plus RFC 8725's (RS256 only, a known {@code kid}, no header
 * naming a key source, no {@code crit}, this service's audience in {@code aud}). A token verified once is remembered until it expires, so a client that sends the same
 * token again costs a map lookup, not an RSA verification.
 */
public final class TokenVerifier {

    static final int MAX_REMEMBERED = 10_000;

    /** The most recently used verifications, at most {@link #MAX_REMEMBERED}: a flood of new tokens evicts the oldest only. */
    private final Map<String, VerifiedToken> remembered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });
    private final Function<String, Optional<RSASSAVerifier>> verifierByKid;
    private final String issuer;
    private final String audience;

    private final Clock clock;

    public TokenVerifier(String issuer, String audience, Function<String, Optional<RSASSAVerifier>> verifierByKid, Clock clock) {
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.verifierByKid = verifierByKid;
    }

    public Optional<VerifiedToken> verify(String compact) {
        if (compact == null) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        VerifiedToken known = remembered.get(compact);
        if (known != null) {
            if (known.expiresAt() > now) {
                return Optional.of(known);
            }
            remembered.remove(compact);
            return Optional.empty();
        }
        Optional<VerifiedToken> verified = verifyNow(compact, now);
        verified.ifPresent(token -> remember(compact, token));
        return verified;
    }

    void remember(String compact, VerifiedToken token) {
        remembered.put(compact, token);
    }

    boolean isRemembered(String compact) {
        return remembered.containsKey(compact);
    }

    int rememberedCount() {
        return remembered.size();
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
            if (!issuer.equals(claims.getIssuer()) || !claims.getAudience().contains(audience) || claims.getSubject() == null || claims.getJWTID() == null
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
