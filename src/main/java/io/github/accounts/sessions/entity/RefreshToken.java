package io.github.accounts.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One refresh token of a session, by the SHA-256 of its value; spent once exchanged. A spent token keeps the nonce
 * its successor was derived with (see {@code RefreshTokens.successor}) and how many grace answers it has given.
 */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.DELETE_EXPIRED, query = "DELETE FROM RefreshToken r WHERE r.expiresAt <= :now")
public class RefreshToken {

    public static final String DELETE_EXPIRED = "RefreshToken.deleteExpired";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "spent_at")
    private Long spentAt;

    @Column(name = "successor_nonce", length = 64)
    private String successorNonce;

    @Column(name = "grace_answers", nullable = false)
    private int graceAnswers;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String sessionId, long expiresAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
    }

    public String getSessionId() {
        return sessionId;
    }

    public boolean isExpired(long now) {
        return expiresAt <= now;
    }

    public boolean isSpent() {
        return spentAt != null;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    /** When it was spent; only for a spent token. */
    public long getSpentAt() {
        return spentAt;
    }

    /** The nonce its successor's value was derived with; null before it is spent (and for tokens of older versions). */
    public String getSuccessorNonce() {
        return successorNonce;
    }

    public int getGraceAnswers() {
        return graceAnswers;
    }

    public void spend(long now, String successorNonce) {
        this.spentAt = now;
        this.successorNonce = successorNonce;
    }

    public void answeredInGrace() {
        graceAnswers++;
    }
}
