package io.github.accounts.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One mail waiting in the outbox (or sent, its bodies emptied). */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.DUE, query = "SELECT m.id FROM OutboxMail m WHERE m.sentAt IS NULL AND m.gaveUpAt IS NULL"
        + " AND m.nextAttemptAt <= :now AND (m.leaseUntil IS NULL OR m.leaseUntil < :now) ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(name = OutboxMail.CLAIM, query = "UPDATE OutboxMail m SET m.leaseOwner = :owner, m.leaseUntil = :until"
        + " WHERE m.id = :id AND m.sentAt IS NULL AND m.gaveUpAt IS NULL AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)")
@NamedQuery(name = OutboxMail.FORGET, query = "DELETE FROM OutboxMail m WHERE m.recipient = :recipient")
public class OutboxMail {

    public static final String FORGET = "OutboxMail.forget";
    public static final String DUE = "OutboxMail.due";
    public static final String CLAIM = "OutboxMail.claim";
    public static final int RECIPIENT_MAX = 254;
    public static final int SUBJECT_MAX = 255;
    public static final int ERROR_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = RECIPIENT_MAX)
    private String recipient;

    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

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

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String textBody, String htmlBody, long now) {
        this.recipient = recipient;
        this.subject = subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    /** Sent: the bodies, which may hold a link's token, are not kept. */
    public void sent(long now) {
        sentAt = now;
        textBody = "";
        htmlBody = "";
        leaseOwner = null;
        leaseUntil = null;
    }

    /** A failed attempt: tried again at {@code retryAt}, or never again when {@code retryAt} is empty. */
    public void failed(String error, long now, java.util.OptionalLong retryAt) {
        attempts++;
        lastError = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        leaseOwner = null;
        leaseUntil = null;
        if (retryAt.isPresent()) {
            nextAttemptAt = retryAt.getAsLong();
        } else {
            gaveUpAt = now;
            textBody = "";
            htmlBody = "";
        }
    }
}
