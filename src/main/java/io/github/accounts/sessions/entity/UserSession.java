package io.github.accounts.sessions.entity;

import jakarta.persistence.Column;
import java.util.List;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A login: it lives while its refresh tokens do (its idle end, {@code refresh_expires_at}), never past its absolute end
 * ({@code expires_at}), and ends earlier on logout, reuse of a spent refresh token, or a disabled user.
 */
@Entity
@Table(name = "user_session")
@NamedQuery(name = UserSession.LIVE_OF_USER, query = "SELECT s FROM UserSession s WHERE s.userId = :user "
        + "AND s.endedAt IS NULL AND s.refreshExpiresAt > :now AND s.expiresAt > :now ORDER BY s.lastUsedAt DESC")
@NamedQuery(name = UserSession.LIVE_OF_LOGIN, query = "SELECT s FROM UserSession s WHERE s.loginSid = :sid AND s.endedAt IS NULL")
@NamedQuery(name = UserSession.ALL_OF_USER, query = "SELECT s FROM UserSession s WHERE s.userId = :user ORDER BY s.createdAt")
@NamedQuery(name = UserSession.FORGET_USER_AGENTS, query = "UPDATE UserSession s SET s.userAgent = NULL WHERE s.userId = :user")
@NamedQuery(name = UserSession.ENDED_SINCE, query = "SELECT s.id, s.endedAt FROM UserSession s WHERE s.endedAt >= :since")
public class UserSession {

    public static final String LIVE_OF_USER = "UserSession.liveOfUser";
    public static final String ENDED_SINCE = "UserSession.endedSince";
    public static final String ALL_OF_USER = "UserSession.allOfUser";
    public static final String FORGET_USER_AGENTS = "UserSession.forgetUserAgents";
    public static final String LIVE_OF_LOGIN = "UserSession.liveOfLogin";
    public static final int USER_AGENT_MAX = 255;
    public static final int CLIENT_ID_MAX = 64;
    public static final int SCOPE_MAX = 255;
    public static final int AMR_MAX = 32;
    public static final int RESOURCES_MAX = 2000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "last_used_at", nullable = false)
    private long lastUsedAt;

    @Column(name = "user_agent", length = USER_AGENT_MAX)
    private String userAgent;

    @Column(name = "refresh_expires_at", nullable = false)
    private long refreshExpiresAt;

    /** Epoch seconds: the absolute end, however often the session is refreshed. */
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "ended_at")
    private Long endedAt;

    /** The OpenID Connect client the session was started for; null for the service's own API and web page. */
    @Column(name = "client_id", length = CLIENT_ID_MAX)
    private String clientId;

    /** The provider session (single sign-on) the client's session was started from. */
    @Column(name = "login_sid", length = 36)
    private String loginSid;

    /** The scope granted to that client. */
    @Column(length = SCOPE_MAX)
    private String scope;

    /** How the login was made: the tokens' {@code amr} values, space-separated; null: a password. */
    @Column(length = AMR_MAX)
    private String amr;

    /** The resource servers (RFC 8707) the client's access tokens are for besides this service, space-separated. */
    @Column(length = RESOURCES_MAX)
    private String resources;

    protected UserSession() {
    }

    public UserSession(String id, long userId, long now, String userAgent, long refreshExpiresAt, long expiresAt) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.userAgent = userAgent == null ? null
                : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_MAX));
        this.refreshExpiresAt = Math.min(refreshExpiresAt, expiresAt);
        this.expiresAt = expiresAt;
    }

    public boolean isLive(long now) {
        return endedAt == null && refreshExpiresAt > now && expiresAt > now;
    }

    /** A refresh: the idle end moves to {@code newRefreshExpiresAt}, never past the absolute end. */
    public void used(long now, long newRefreshExpiresAt) {
        lastUsedAt = now;
        refreshExpiresAt = Math.min(newRefreshExpiresAt, expiresAt);
    }

    /** A use that moves no end (the grace answer of a just-replaced refresh token). */
    public void touched(long now) {
        lastUsedAt = now;
    }

    public void end(long now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public void startedFor(String clientId, String scope, String loginSid) {
        this.clientId = clientId;
        this.scope = scope;
        this.loginSid = loginSid;
    }

    /** The client's access tokens are for {@code audiences} (resource servers) too. */
    public void forResources(List<String> audiences) {
        this.resources = audiences.isEmpty() ? null : String.join(" ", audiences);
    }

    /** The resource servers the client's access tokens are for besides this service. */
    public List<String> resources() {
        return resources == null ? List.of() : List.of(resources.split(" "));
    }

    /** Records how the user authenticated for it (RFC 8176 values). */
    public void authenticatedBy(List<String> methods) {
        this.amr = String.join(" ", methods);
    }

    /** The tokens' {@code amr}: how the login was made (a password for sessions that never said). */
    public List<String> amr() {
        return amr == null || amr.isBlank() ? List.of("pwd") : List.of(amr.split(" "));
    }

    public String getLoginSid() {
        return loginSid;
    }

    public String getScope() {
        return scope;
    }

    public String getClientId() {
        return clientId;
    }

    public String getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getLastUsedAt() {
        return lastUsedAt;
    }

    public String getUserAgent() {
        return userAgent;
    }

    /** When the session ends if it is not used again. */
    public long getRefreshExpiresAt() {
        return refreshExpiresAt;
    }

    /** When the session ends at the latest. */
    public long getExpiresAt() {
        return expiresAt;
    }

    public Long getEndedAt() {
        return endedAt;
    }
}
