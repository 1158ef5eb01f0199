package io.github.accounts.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** A browser signed in at the provider (single sign-on), found by the SHA-256 of its cookie; {@code sid} is public. */
@Entity
@Table(name = "oidc_login")
@jakarta.persistence.NamedQuery(name = ProviderLogin.LIVE_OF_USER, query = "SELECT l FROM ProviderLogin l WHERE l.userId = :user AND l.endedAt IS NULL")
@jakarta.persistence.NamedQuery(name = ProviderLogin.LIVE_BY_SID, query = "SELECT l FROM ProviderLogin l WHERE l.sid = :sid AND l.endedAt IS NULL")
public class ProviderLogin {

    public static final String LIVE_BY_SID = "ProviderLogin.liveBySid";
    public static final String LIVE_OF_USER = "ProviderLogin.liveOfUser";

    @Id
    @Column(name = "cookie_hash", length = 64)
    private String cookieHash;

    @Column(length = 36, nullable = false)
    private String sid;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "auth_time", nullable = false)
    private long authTime;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "ended_at")
    private Long endedAt;

    /** How the sign-in was made: {@code amr} values, space-separated; null: a password. */
    @Column(length = 32)
    private String amr;

    protected ProviderLogin() {
    }

    public ProviderLogin(String cookieHash, String sid, long userId, long now, long expiresAt, List<String> amr) {
        this.amr = String.join(" ", amr);
        this.cookieHash = cookieHash;
        this.sid = sid;
        this.userId = userId;
        this.authTime = now;
        this.expiresAt = expiresAt;
    }

    public boolean isLive(long now) {
        return endedAt == null && now < expiresAt;
    }

    /** Whether the sign-in is recent enough for a request's {@code max_age} (null: any age). */
    public boolean isFreshFor(Long maxAgeSeconds, long now) {
        return maxAgeSeconds == null || now - authTime <= maxAgeSeconds;
    }

    public void end(long now) {
        endedAt = now;
    }

    public String getSid() {
        return sid;
    }

    public long getUserId() {
        return userId;
    }

    public long getAuthTime() {
        return authTime;
    }

    /** The {@code amr} of the sign-in (a password for rows from before it was kept). */
    public List<String> amr() {
        return amr == null || amr.isBlank() ? List.of("pwd") : List.of(amr.split(" "));
    }
}
