package io.github.accounts.revocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An access token that was logged out before it expired: the durable record behind the in-memory list. */
@Entity
@Table(name = "revoked_token")
@NamedQuery(name = RevokedToken.UNEXPIRED, query = "SELECT r.jti, r.expiresAt FROM RevokedToken r WHERE r.expiresAt > :now")
@NamedQuery(name = RevokedToken.DELETE_EXPIRED, query = "DELETE FROM RevokedToken r WHERE r.expiresAt <= :now")
public class RevokedToken {

    public static final String UNEXPIRED = "RevokedToken.unexpired";
    public static final String DELETE_EXPIRED = "RevokedToken.deleteExpired";

    @Id
    @Column(length = 64)
    private String jti;

    /** Epoch seconds: the token's {@code exp}; after it the entry is useless and purged. */
    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** Epoch seconds: when the token was revoked (other nodes learn of it through {@link RevocationEvent}). */
    @Column(name = "revoked_at", nullable = false)
    private long revokedAt;

    protected RevokedToken() {
    }

    public RevokedToken(String jti, long expiresAt, long revokedAt) {
        this.jti = jti;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
    }

    public String getJti() {
        return jti;
    }

    public long getExpiresAt() {
        return expiresAt;
    }
}
