package io.github.accounts.oidc.entity;

import io.github.accounts.delivery.entity.OutboxEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A back-channel logout owed to a client: whose session ended ({@code sub}, the provider session's {@code sid}) and
 * the logout token's {@code jti}, the same on every attempt so that the client can tell a repeat. The token itself is
 * signed afresh for each attempt and never stored.
 */
@Entity
@Table(name = "oidc_logout_notice")
public class LogoutNotice extends OutboxEntry {

    @Column(name = "client_id", length = OidcClient.CLIENT_ID_MAX, nullable = false)
    private String clientId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "login_sid", length = 36)
    private String loginSid;

    @Column(length = 36, nullable = false)
    private String jti;

    protected LogoutNotice() {
    }

    public LogoutNotice(String clientId, long userId, String loginSid, String jti, long now) {
        super(now);
        this.clientId = clientId;
        this.userId = userId;
        this.loginSid = loginSid;
        this.jti = jti;
    }

    public String getClientId() {
        return clientId;
    }

    public long getUserId() {
        return userId;
    }

    public String getLoginSid() {
        return loginSid;
    }

    public String getJti() {
        return jti;
    }
}
