package io.github.accounts.throttling.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Hits in one fixed time window for one client address and kind of request; also the mark of a client that logged
 * in to an account before (a hit that expires late).
 */
@Entity
@Table(name = "rate_counter")
@NamedQuery(name = RateCounter.DELETE_EXPIRED, query = "DELETE FROM RateCounter c WHERE c.expiresAt <= :now")
public class RateCounter {

    public static final String DELETE_EXPIRED = "RateCounter.deleteExpired";

    @Id
    @Column(length = 120)
    private String bucket;

    @Column(nullable = false)
    private int hits;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected RateCounter() {
    }

    public RateCounter(String bucket, long expiresAt) {
        this.bucket = bucket;
        this.expiresAt = expiresAt;
    }

    public int hit() {
        return ++hits;
    }

    /** Takes back a hit counted ahead (an attempt that turned out not to count, such as a successful login). */
    public void unhit() {
        hits = Math.max(0, hits - 1);
    }

    /** Keeps the counter until {@code later}, if that is later than now planned. */
    public void extendTo(long later) {
        expiresAt = Math.max(expiresAt, later);
    }

    public boolean isLive(long now) {
        return expiresAt > now;
    }

    public int getHits() {
        return hits;
    }

    public long getExpiresAt() {
        return expiresAt;
    }
}
