package io.github.accounts.oidc.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.oidc.entity.AuthorizationCode;
import io.github.accounts.tokens.control.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/**
 * ID tokens (OpenID Connect Core 2): {@code iss}, {@code sub}, {@code aud} (the client), {@code exp}, {@code iat},
 * {@code auth_time}, {@code nonce}, {@code sid} (the provider session), {@code at_hash} (Nimbus computes it) and
 * {@code amr} ({@code pwd}: the only way to sign in here); RS256 with the service's signing key.
 */
@ApplicationScoped
public class IdTokens {

    /** ID tokens are read once, right after the code exchange. */
    static final long LIFETIME_SECONDS = 300;

    @Inject
    KeyRing keys;

    @Inject
    Clock clock;

    public String issue(AuthorizationCode code, String accessToken) {
        long now = clock.instant().getEpochSecond();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(keys.issuer())
                .subject(String.valueOf(code.getUserId()))
                .audience(code.getClientId())
                .issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + LIFETIME_SECONDS) * 1000))
                .claim("auth_time", code.getAuthTime())
                .claim("nonce", code.getNonce())
                .claim("sid", code.getLoginSid())
                .claim("at_hash", AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256).getValue())
                .claim("amr", code.amr())
                .claim("acr", TokenIssuer.acrOf(code.amr()))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return keys.sign(claims);
    }
}
