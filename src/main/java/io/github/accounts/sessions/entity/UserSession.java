package io.github.accounts.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A login: it lives while its refresh tokens do, and ends on logout, reuse of a spent refresh token, or a disabled user. */
@Entity
@Table(name = "user_session")
@NamedQuery(name = UserSession.LIVE_OF_USER, query = "SELECT s FROM UserSession s WHERE s.userId = :user "
        + "AND s.endedAt IS NULL AND s.refreshExpiresAt > :now ORDER BY s.lastUsedAt DESC")
@NamedQuery(name = UserSession.ENDED_SINCE, query = "SELECT s.id, s.endedAt FROM UserSession s WHERE s.endedAt >= :since")
public class UserSession {

    public static final String LIVE_OF_USER = "UserSession.liveOfUser";
    public static final String ENDED_SINCE = "UserSession.endedSince";
    public static final int USER_AGENT_MAX = 255;

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

    @Column(name = "ended_at")
    private Long endedAt;

    protected UserSession() {
    }

    public UserSession(String id, long userId, long now, String userAgent, long refreshExpiresAt) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.userAgent = userAgent == null ? null
                : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_MAX));
        this.refreshExpiresAt = refreshExpiresAt;
    }

    public boolean isLive(long now) {
        return endedAt == null && refreshExpiresAt > now;
    }

    public void used(long now, long newRefreshExpiresAt) {
        lastUsedAt = now;
        refreshExpiresAt = newRefreshExpiresAt;
    }

    public void end(long now) {
        if (endedAt == null) {
            endedAt = now;
        }
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

    public Long getEndedAt() {
        return endedAt;
    }
}
