package io.github.accounts.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A single-use token sent by mail: only the SHA-256 of the link's token (and of the short code) is stored. */
@Entity
@Table(name = "email_token")
@NamedQuery(name = EmailToken.BY_HASH, query = "SELECT t FROM EmailToken t WHERE t.tokenHash = :hash AND t.purpose = :purpose")
@NamedQuery(name = EmailToken.OPEN_OF_USER, query = "SELECT t FROM EmailToken t WHERE t.userId = :user AND t.purpose = :purpose"
        + " AND t.usedAt IS NULL AND t.expiresAt > :now ORDER BY t.id DESC")
@NamedQuery(name = EmailToken.RETIRE_OF_USER, query = "UPDATE EmailToken t SET t.usedAt = :now WHERE t.userId = :user"
        + " AND t.purpose = :purpose AND t.usedAt IS NULL")
@NamedQuery(name = EmailToken.OF_USER, query = "SELECT t FROM EmailToken t WHERE t.userId = :user ORDER BY t.id")
@NamedQuery(name = EmailToken.DELETE_OF_USER, query = "DELETE FROM EmailToken t WHERE t.userId = :user")
public class EmailToken {

    public static final String BY_HASH = "EmailToken.byHash";
    public static final String OPEN_OF_USER = "EmailToken.openOfUser";
    public static final String RETIRE_OF_USER = "EmailToken.retireOfUser";
    public static final String VERIFY = "verify";
    public static final String RESET = "reset";
    public static final String OF_USER = "EmailToken.ofUser";
    public static final String DELETE_OF_USER = "EmailToken.deleteOfUser";
    /** An email change, mailed to the new address; {@link #getAddress()} is the new address. */
    public static final String CHANGE = "change";
    /** The undo of an email change, mailed to the old address; {@link #getAddress()} is the old address. */
    public static final String UNDO = "undo";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;

    @Column(nullable = false, length = 16)
    private String purpose;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "email_normalized", nullable = false, length = User.EMAIL_MAX)
    private String emailKey;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    @Column(name = "bound_to", length = 64)
    private String boundTo;

    /** The other address of an email change (see {@link #CHANGE} and {@link #UNDO}). */
    @Column(length = User.EMAIL_MAX)
    private String address;

    protected EmailToken() {
    }

    public EmailToken(String purpose, String tokenHash, String codeHash, long userId, String emailKey, long now, long expiresAt) {
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.codeHash = codeHash;
        this.userId = userId;
        this.emailKey = emailKey;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Binds a reset to the password it replaces (a digest of its hash). */
    public EmailToken boundTo(String digest) {
        boundTo = digest;
        return this;
    }

    /** The other address of an email change. */
    public EmailToken about(String otherAddress) {
        address = otherAddress;
        return this;
    }

    public String getAddress() {
        return address;
    }

    public String getPurpose() {
        return purpose;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public Long getUsedAt() {
        return usedAt;
    }

    public String getBoundTo() {
        return boundTo;
    }

    public long getUserId() {
        return userId;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public String getCodeHash() {
        return codeHash;
    }

    /** Unused, unexpired, and (for an email's token) still about the user's address. */
    public boolean isUsable(long now) {
        return usedAt == null && now < expiresAt;
    }

    public void use(long now) {
        usedAt = now;
    }

    /** @return the wrong codes so far, this one included */
    public int wrongCode() {
        return ++codeAttempts;
    }
}
