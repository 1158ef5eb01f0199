package io.github.accounts.factors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user's TOTP factor: the secret (sealed with the key-encryption key), active once confirmed by a first code. The
 * step of the last accepted code is moved forward only by {@link #ACCEPT_STEP}, a conditional update, so that two
 * nodes cannot both accept the same code.
 */
@Entity
@Table(name = "totp_factor")
@NamedQuery(name = TotpFactor.ACCEPT_STEP, query = "UPDATE TotpFactor f SET f.lastStep = :step"
        + " WHERE f.userId = :user AND (f.lastStep IS NULL OR f.lastStep < :step)")
@NamedQuery(name = TotpFactor.DELETE_OF_USER, query = "DELETE FROM TotpFactor f WHERE f.userId = :user")
public class TotpFactor {

    public static final String ACCEPT_STEP = "TotpFactor.acceptStep";
    public static final String DELETE_OF_USER = "TotpFactor.deleteOfUser";
    public static final int SECRET_MAX = 1024;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, length = SECRET_MAX)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "confirmed_at")
    private Long confirmedAt;

    @Column(name = "last_step")
    private Long lastStep;

    protected TotpFactor() {
    }

    public TotpFactor(long userId, String sealedSecret, long nowMillis) {
        this.userId = userId;
        this.secret = sealedSecret;
        this.createdAt = nowMillis;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    /** An unconfirmed enrolment begun again: a new secret. */
    public void restart(String sealedSecret, long nowMillis) {
        this.secret = sealedSecret;
        this.createdAt = nowMillis;
    }

    /** Active from now, the confirming code's step spent. */
    public void confirm(long step, long nowMillis) {
        confirmedAt = nowMillis;
        lastStep = step;
    }

    public long getUserId() {
        return userId;
    }

    public String getSecret() {
        return secret;
    }

    public Long getLastStep() {
        return lastStep;
    }
}
