package io.github.accounts.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bootstrap secret that has made an admin: by its SHA-256, so that it makes no second one. */
@Entity
@Table(name = "admin_bootstrap")
public class AdminBootstrap {

    @Id
    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "used_at", nullable = false)
    private long usedAt;

    protected AdminBootstrap() {
    }

    public AdminBootstrap(String secretHash, long userId, long usedAt) {
        this.secretHash = secretHash;
        this.userId = userId;
        this.usedAt = usedAt;
    }
}
