package io.github.accounts.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.OptionalLong;

/**
 * Something to deliver later, written in the transaction of the change it announces: its attempts, when the next
 * one is due, which node holds it (a lease, taken by a conditional update) and how it ended. Times in epoch seconds.
 */
@MappedSuperclass
public abstract class OutboxEntry {

    public static final int ERROR_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private long nextAttemptAt;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Long leaseUntil;

    @Column(name = "sent_at")
    private Long sentAt;

    @Column(name = "gave_up_at")
    private Long gaveUpAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    protected OutboxEntry() {
    }

    /** Due at once. */
    protected OutboxEntry(long now) {
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public boolean isGivenUp() {
        return gaveUpAt != null;
    }

    public String getLastError() {
        return lastError;
    }

    /** Delivered: nothing more to do. */
    public void sent(long now) {
        sentAt = now;
        leaseOwner = null;
        leaseUntil = null;
        forgetContent();
    }

    /** A failed attempt: tried again at {@code retryAt}, or never again when {@code retryAt} is empty. */
    public void failed(String error, long now, OptionalLong retryAt) {
        attempts++;
        lastError = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        leaseOwner = null;
        leaseUntil = null;
        if (retryAt.isPresent()) {
            nextAttemptAt = retryAt.getAsLong();
        } else {
            gaveUpAt = now;
            forgetContent();
        }
    }

    /** What need not be kept once the entry is done with (a mail's bodies, which may hold a link's token). */
    protected void forgetContent() {
    }
}
