package io.github.accounts.factors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The second step of a login, begun by the right password: usable by its token (stored as SHA-256) until it
 * expires, is spent by a finished login, or has counted {@link #MAX_FAILURES} wrong codes. Spending and counting are
 * conditional updates ({@link #SPEND}, {@link #FAIL}), whose conditions are {@link #isUsable}.
 */
@Entity
@Table(name = "mfa_challenge")
@NamedQuery(name = MfaChallenge.SPEND, query = "UPDATE MfaChallenge c SET c.usedAt = :now WHERE c.hash = :hash"
        + " AND c.usedAt IS NULL AND c.expiresAt > :now AND c.failures < " + MfaChallenge.MAX_FAILURES)
@NamedQuery(name = MfaChallenge.FAIL, query = "UPDATE MfaChallenge c SET c.failures = c.failures + 1 WHERE c.hash = :hash")
@NamedQuery(name = MfaChallenge.PURGE, query = "DELETE FROM MfaChallenge c WHERE c.expiresAt <= :before")
@NamedQuery(name = MfaChallenge.DELETE_OF_USER, query = "DELETE FROM MfaChallenge c WHERE c.userId = :user")
public class MfaChallenge {

    public static final String SPEND = "MfaChallenge.spend";
    public static final String FAIL = "MfaChallenge.fail";
    public static final String PURGE = "MfaChallenge.purge";
    public static final String DELETE_OF_USER = "MfaChallenge.deleteOfUser";
    public static final int MAX_FAILURES = 5;

    @Id
    @Column(name = "token_hash", length = 64)
    private String hash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(nullable = false)
    private int failures;

    @Column(name = "used_at")
    private Long usedAt;

    protected MfaChallenge() {
    }

    public MfaChallenge(String hash, long userId, long nowMillis, long ttlMillis) {
        this.hash = hash;
        this.userId = userId;
        this.createdAt = nowMillis;
        this.expiresAt = nowMillis + ttlMillis;
    }

    /** Whether a code may still finish the login at {@code nowMillis}. */
    public boolean isUsable(long nowMillis) {
        return usedAt == null && nowMillis < expiresAt && failures < MAX_FAILURES;
    }

    /** A wrong code was given ({@link #FAIL} in the database). */
    public void failed() {
        failures++;
    }

    /** The login was finished ({@link #SPEND} in the database). */
    public void use(long nowMillis) {
        usedAt = nowMillis;
    }

    public long getUserId() {
        return userId;
    }
}
