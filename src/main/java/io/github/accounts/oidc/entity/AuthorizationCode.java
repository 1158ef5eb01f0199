package io.github.accounts.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.List;

/**
 * An authorization code, kept by its SHA-256: single use, {@value #LIFETIME_SECONDS} s, bound to its client, redirect
 * URI and PKCE challenge. Once spent it remembers the token session it started, which a replay ends.
 */
@Entity
@Table(name = "oidc_code")
@NamedQuery(name = AuthorizationCode.PURGE, query = "DELETE FROM AuthorizationCode c WHERE c.expiresAt < :before")
public class AuthorizationCode {

    public static final String PURGE = "AuthorizationCode.purge";
    public static final long LIFETIME_SECONDS = 60;
    public static final int SCOPE_MAX = 255;
    public static final int NONCE_MAX = 255;
    public static final int CHALLENGE_MAX = 128;
    public static final int RESOURCES_MAX = 2000;

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "client_id", length = OidcClient.CLIENT_ID_MAX, nullable = false)
    private String clientId;

    @Column(name = "redirect_uri", length = OidcClient.REDIRECT_URI_MAX, nullable = false)
    private String redirectUri;

    @Column(name = "code_challenge", length = CHALLENGE_MAX)
    private String codeChallenge;

    @Column(length = SCOPE_MAX, nullable = false)
    private String scope;

    @Column(length = NONCE_MAX)
    private String nonce;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "login_sid", length = 36, nullable = false)
    private String loginSid;

    @Column(name = "auth_time", nullable = false)
    private long authTime;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    @Column(name = "session_id", length = 36)
    private String sessionId;

    /** How the sign-in behind the code was made: {@code amr} values, space-separated; null: a password. */
    @Column(length = 32)
    private String amr;

    /** The resource servers (RFC 8707) the authorization request named, space-separated; null: none. */
    @Column(length = RESOURCES_MAX)
    private String resources;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, String clientId, String redirectUri, String codeChallenge, String scope,
                             String nonce, long userId, String loginSid, long authTime, long now) {
        this.codeHash = codeHash;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge;
        this.scope = scope;
        this.nonce = nonce;
        this.userId = userId;
        this.loginSid = loginSid;
        this.authTime = authTime;
        this.expiresAt = now + LIFETIME_SECONDS;
    }

    /** The sign-in behind the code was made by {@code methods} ({@code amr} values). */
    public void authenticatedBy(List<String> methods) {
        this.amr = String.join(" ", methods);
    }

    /** The tokens of this code are for {@code audiences} (resource servers, RFC 8707) too. */
    public void forResources(List<String> audiences) {
        this.resources = audiences.isEmpty() ? null : String.join(" ", audiences);
    }

    /** The resource servers the authorization request named. */
    public List<String> resources() {
        return resources == null ? List.of() : List.of(resources.split(" "));
    }

    /** The {@code amr} of the sign-in behind the code (a password when it never said). */
    public List<String> amr() {
        return amr == null || amr.isBlank() ? List.of("pwd") : List.of(amr.split(" "));
    }

    /** Whether the code may be exchanged now by this client for this redirect URI (the PKCE check is separate). */
    public boolean redeemableBy(String client, String redirect, long now) {
        return usedAt == null && now < expiresAt && clientId.equals(client) && redirectUri.equals(redirect);
    }

    public boolean isSpent() {
        return usedAt != null;
    }

    public void spend(long now, String startedSession) {
        this.usedAt = now;
        this.sessionId = startedSession;
    }

    public String getClientId() {
        return clientId;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }

    public String getScope() {
        return scope;
    }

    public String getNonce() {
        return nonce;
    }

    public long getUserId() {
        return userId;
    }

    public String getLoginSid() {
        return loginSid;
    }

    public long getAuthTime() {
        return authTime;
    }

    public String getSessionId() {
        return sessionId;
    }
}
