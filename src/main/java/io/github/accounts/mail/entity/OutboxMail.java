package io.github.accounts.mail.entity;

import io.github.accounts.delivery.entity.OutboxEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One mail waiting in the outbox (or sent, its bodies emptied). */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.FORGET, query = "DELETE FROM OutboxMail m WHERE m.recipient = :recipient")
public class OutboxMail extends OutboxEntry {

    public static final String FORGET = "OutboxMail.forget";
    public static final int RECIPIENT_MAX = 254;
    public static final int SUBJECT_MAX = 255;

    @Column(nullable = false, length = RECIPIENT_MAX)
    private String recipient;

    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String textBody, String htmlBody, long now) {
        super(now);
        this.recipient = recipient;
        this.subject = subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
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

    /** Sent or given up: the bodies, which may hold a link's token, are not kept. */
    @Override
    protected void forgetContent() {
        textBody = "";
        htmlBody = "";
    }
}
