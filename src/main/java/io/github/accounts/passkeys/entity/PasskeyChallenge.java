package io.github.accounts.passkeys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A WebAuthn ceremony's challenge, stored (as its SHA-256) so that any node can finish the ceremony: it is usable
 * once, for its purpose, until it expires (times in milliseconds).
 */
@Entity
@Table(name = "passkey_challenge")
@NamedQuery(name = PasskeyChallenge.SPEND, query = "UPDATE PasskeyChallenge c SET c.usedAt = :now"
        + " WHERE c.hash = :hash AND c.purpose = :purpose AND c.usedAt IS NULL AND c.expiresAt > :now")
@NamedQuery(name = PasskeyChallenge.PURGE, query = "DELETE FROM PasskeyChallenge c WHERE c.expiresAt <= :before")
public class PasskeyChallenge {

    public static final String SPEND = "PasskeyChallenge.spend";
    public static final String PURGE = "PasskeyChallenge.purge";
    public static final String REGISTER = "register";
    public static final String LOGIN = "login";
    /** A passkey as the second step of a login after the password: the challenge names the user. */
    public static final String SECOND_STEP = "second-step";

    @Id
    @Column(name = "challenge_hash", length = 64)
    private String hash;

    @Column(nullable = false, length = 16)
    private String purpose;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "user_handle", length = Passkey.USER_HANDLE_MAX)
    private String userHandle;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    protected PasskeyChallenge() {
    }

    public PasskeyChallenge(String hash, String purpose, Long userId, String userHandle, long nowMillis, long ttlMillis) {
        this.hash = hash;
        this.purpose = purpose;
        this.userId = userId;
        this.userHandle = userHandle;
        this.createdAt = nowMillis;
        this.expiresAt = nowMillis + ttlMillis;
    }

    /** Whether it may still finish a ceremony of {@code purpose} at {@code nowMillis}: not used, not expired. */
    public boolean isUsable(String purpose, long nowMillis) {
        return this.purpose.equals(purpose) && usedAt == null && nowMillis < expiresAt;
    }

    /** Spends it (the database spends it with {@link #SPEND}, whose condition is {@link #isUsable}). */
    public void use(long nowMillis) {
        usedAt = nowMillis;
    }

    public String getHash() {
        return hash;
    }

    public Long getUserId() {
        return userId;
    }

    public String getUserHandle() {
        return userHandle;
    }

    public long getExpiresAt() {
        return expiresAt;
    }
}
