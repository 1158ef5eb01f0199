package io.github.accounts.tokens.control;

import io.github.accounts.settings.control.Settings;
import com.nimbusds.jwt.JWTClaimsSet;

import io.github.accounts.sessions.entity.UserSession;
import io.github.accounts.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Issues access tokens: RS256 JWTs with the claims MicroProfile JWT expects. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    Settings settings;

    /** The session an access token belongs to: ending the session revokes the token. */
    public static final String SESSION_CLAIM = "sid";
    /** The OpenID Connect claim for the user's name, so a profile can be answered from the token alone. */
    public static final String USERNAME_CLAIM = "preferred_username";
    public static final String CREATED_AT_CLAIM = "created_at";
    /** The OpenID Connect claim: whether the user proved control of the address in {@code upn}. */
    public static final String EMAIL_VERIFIED_CLAIM = "email_verified";

    @Inject
    KeyRing keys;

    @Inject
    Clock clock;

    long accessTtlSeconds;

    @PostConstruct
    void readSettings() {
        accessTtlSeconds = settings.get(Settings.JWT_ACCESS_TTL).toSeconds();
    }

    /** The OAuth client an access token was issued to (RFC 9068), absent for the service's own API. */
    public static final String CLIENT_ID_CLAIM = "client_id";

    public AccessToken issue(User user, String sessionId) {
        return issue(user, sessionId, null, null);
    }

    /** {@code aud}: this service ({@code JWT_AUDIENCE}) and the resource servers the token is also for. */
    private java.util.List<String> audience(java.util.List<String> resources) {
        return java.util.stream.Stream.concat(resources.stream(), java.util.stream.Stream.of(keys.audience())).distinct().toList();
    }

    /** How the session's login was made (RFC 8176). */
    public static final String AMR_CLAIM = "amr";
    /** How strong the login was (OpenID Connect): {@link #ACR_SINGLE_FACTOR} or {@link #ACR_MULTI_FACTOR}. */
    public static final String ACR_CLAIM = "acr";
    public static final String ACR_SINGLE_FACTOR = "1";
    public static final String ACR_MULTI_FACTOR = "2";
    /** The {@code amr} value of a login that used a second factor (a passkey counts as one). */
    public static final String MULTI_FACTOR = "mfa";

    /** The {@code acr} of a login made by {@code amr}: 2 when a second factor was used, else 1 (Keycloak's levels). */
    public static String acrOf(java.util.List<String> amr) {
        return amr != null && amr.contains(MULTI_FACTOR) ? ACR_MULTI_FACTOR : ACR_SINGLE_FACTOR;
    }

    /** When the session's login was made (OpenID Connect). */
    public static final String AUTH_TIME_CLAIM = "auth_time";

    /** An access token of a session, with how ({@code amr}) and when ({@code auth_time}) its login was made. */
    public AccessToken issue(User user, UserSession session) {
        return issue(user, session.getId(), session.getClientId(), session.getScope(), session.amr(), session.getCreatedAt(), session.resources());
    }

    /**
     * An access token of a session; {@code clientId} and {@code scope} (both null for the service's own API) name the
     * OpenID Connect client it is for and what that client was granted.
     */
    public AccessToken issue(User user, String sessionId, String clientId, String scope) {
        return issue(user, sessionId, clientId, scope, null, null, java.util.List.of());
    }

    private AccessToken issue(User user, String sessionId, String clientId, String scope, java.util.List<String> amr, Long authTime,
                              java.util.List<String> resources) {
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plusSeconds(accessTtlSeconds);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(keys.issuer())
                .audience(audience(resources))
                .subject(String.valueOf(user.getId()))
                .claim("upn", user.getEmail())
                .claim(USERNAME_CLAIM, user.getUsername())
                .claim(CREATED_AT_CLAIM, user.getCreatedAt().getEpochSecond())
                .claim(EMAIL_VERIFIED_CLAIM, user.isEmailVerified())
                .claim("groups", user.groups())
                .claim(SESSION_CLAIM, sessionId)
                .claim(CLIENT_ID_CLAIM, clientId)
                .claim("scope", scope)
                .claim(AMR_CLAIM, amr)
                .claim(ACR_CLAIM, amr == null ? null : acrOf(amr))
                .claim(AUTH_TIME_CLAIM, authTime)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new AccessToken(keys.sign(claims), accessTtlSeconds);
    }

    /**
     * An access token for a client acting on its own behalf ({@code client_credentials}, RFC 9068): its {@code sub}
     * and {@code client_id} are the client, it has no user, no session and no groups; it is for the resource servers
     * {@code resources} (RFC 8707) and this service.
     */
    public AccessToken issueForClient(String clientId, java.util.List<String> resources) {
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(keys.issuer())
                .audience(audience(resources))
                .subject(clientId)
                .claim(CLIENT_ID_CLAIM, clientId)
                .claim("groups", java.util.List.of())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(accessTtlSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new AccessToken(keys.sign(claims), accessTtlSeconds);
    }

    /** A signed access token and its lifetime in seconds. */
    public record AccessToken(String token, long expiresIn) {
    }
}
