package io.github.accounts.mail.boundary;

import io.github.accounts.mail.control.Letter;
import io.github.accounts.mail.entity.OutboxMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * The durable outbox: a mail is written in the transaction of the change it announces (so it is sent if and only
 * if that change commits); {@link MailDelivery} claims and sends it (see {@code Deliveries}).
 */
@Stateless
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Writes a mail to be sent; only inside the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String recipient, Letter letter) {
        em.persist(new OutboxMail(recipient, letter.subject(), letter.text(), letter.html(), clock.instant().getEpochSecond()));
    }

    /** Erases every mail to an address, sent or not (a deleted account); only inside the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int forget(String recipient) {
        return em.createNamedQuery(OutboxMail.FORGET).setParameter("recipient", recipient).executeUpdate();
    }
}
