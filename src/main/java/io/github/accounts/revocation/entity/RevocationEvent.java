package io.github.accounts.revocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One revocation or session end, numbered by the database (an identity column) in the transaction that made it:
 * other nodes pull what is new by that number, which no clock can put out of order.
 */
@Entity
@Table(name = "revocation_event")
@NamedQuery(name = RevocationEvent.AFTER, query = "SELECT e FROM RevocationEvent e WHERE e.id > :after ORDER BY e.id")
@NamedQuery(name = RevocationEvent.AFTER_OR_IN, query = "SELECT e FROM RevocationEvent e WHERE e.id > :after OR e.id IN :gaps ORDER BY e.id")
@NamedQuery(name = RevocationEvent.NEWEST, query = "SELECT MAX(e.id) FROM RevocationEvent e")
@NamedQuery(name = RevocationEvent.DELETE_OLDER, query = "DELETE FROM RevocationEvent e WHERE e.createdAt < :before")
public class RevocationEvent {

    public static final String AFTER = "RevocationEvent.after";
    public static final String AFTER_OR_IN = "RevocationEvent.afterOrIn";
    public static final String NEWEST = "RevocationEvent.newest";
    public static final String DELETE_OLDER = "RevocationEvent.deleteOlder";
    public static final String TOKEN = "t";
    public static final String SESSION = "s";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** {@value #TOKEN}: a logged-out access token; {@value #SESSION}: an ended session. */
    @Column(length = 1, nullable = false)
    private String kind;

    /** The token's {@code jti} or the session's id. */
    @Column(length = 64, nullable = false)
    private String subject;

    /** Epoch seconds: the token's expiry, or when the session ended. */
    @Column(name = "event_time", nullable = false)
    private long time;

    /** Epoch seconds on the writing node's clock; only for purging. */
    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected RevocationEvent() {
    }

    private RevocationEvent(String kind, String subject, long time, long createdAt) {
        this.kind = kind;
        this.subject = subject;
        this.time = time;
        this.createdAt = createdAt;
    }

    public static RevocationEvent token(String jti, long expiresAt, long now) {
        return new RevocationEvent(TOKEN, jti, expiresAt, now);
    }

    public static RevocationEvent session(String sid, long endedAt, long now) {
        return new RevocationEvent(SESSION, sid, endedAt, now);
    }

    public long getId() {
        return id;
    }

    public boolean isToken() {
        return TOKEN.equals(kind);
    }

    public String getSubject() {
        return subject;
    }

    public long getTime() {
        return time;
    }
}
