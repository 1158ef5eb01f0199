package io.github.accounts.factors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One recovery code of a user, as its SHA-256; spent once by {@link #SPEND}, a conditional update. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCode.SPEND, query = "UPDATE RecoveryCode r SET r.usedAt = :now"
        + " WHERE r.userId = :user AND r.hash = :hash AND r.usedAt IS NULL")
@NamedQuery(name = RecoveryCode.LEFT, query = "SELECT COUNT(r) FROM RecoveryCode r WHERE r.userId = :user AND r.usedAt IS NULL")
@NamedQuery(name = RecoveryCode.DELETE_OF_USER, query = "DELETE FROM RecoveryCode r WHERE r.userId = :user")
public class RecoveryCode {

    public static final String SPEND = "RecoveryCode.spend";
    public static final String LEFT = "RecoveryCode.left";
    public static final String DELETE_OF_USER = "RecoveryCode.deleteOfUser";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String hash;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "used_at")
    private Long usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(long userId, String hash, long nowMillis) {
        this.userId = userId;
        this.hash = hash;
        this.createdAt = nowMillis;
    }
}
