package io.github.accounts.mail.boundary;

import io.github.accounts.mail.control.Letter;
import io.github.accounts.mail.control.MailSettings;
import io.github.accounts.mail.entity.OutboxMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable outbox: a mail is written in the transaction of the change it announces (so it is sent if and only
 * if that change commits) and claimed by one node at a time for sending.
 */
@Stateless
public class Outbox {

    static final int BATCH = 20;
    /** How long a claim holds: longer than an SMTP round trip with its timeouts, so no other node sends it meanwhile. */
    static final long LEASE_SECONDS = 120;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    /** Writes a mail to be sent; only inside the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String recipient, Letter letter) {
        em.persist(new OutboxMail(recipient, letter.subject(), letter.text(), letter.html(), now()));
    }

    /** Erases every mail to an address, sent or not (a deleted account); only inside the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int forget(String recipient) {
        return em.createNamedQuery(OutboxMail.FORGET).setParameter("recipient", recipient).executeUpdate();
    }

    /** Claims the due mails for {@code owner}: each by a conditional update, so a mail another node claimed is skipped. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutboxMail> claim(String owner) {
        long now = now();
        List<Long> due = em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("now", now).setMaxResults(BATCH).getResultList();
        List<OutboxMail> claimed = new ArrayList<>();
        for (Long id : due) {
            int updated = em.createNamedQuery(OutboxMail.CLAIM).setParameter("owner", owner).setParameter("until", now + LEASE_SECONDS)
                    .setParameter("id", id).setParameter("now", now).executeUpdate();
            if (updated == 1) {
                OutboxMail mail = em.find(OutboxMail.class, id);
                em.refresh(mail);
                claimed.add(mail);
            }
        }
        em.flush();
        claimed.forEach(em::detach);
        return claimed;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id, String owner) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail != null && owner.equals(mail.getLeaseOwner())) {
            mail.sent(now());
        }
    }

    /** @return whether the mail will be tried again */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean failed(long id, String owner, String error) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null || !owner.equals(mail.getLeaseOwner())) {
            return true;
        }
        long now = now();
        var retryAt = settings.backoff().nextAttempt(mail.getAttempts() + 1, now);
        mail.failed(error, now, retryAt);
        return retryAt.isPresent();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
