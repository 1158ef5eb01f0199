package io.github.accounts.mail.boundary;

import io.github.accounts.mail.control.MailSender;
import io.github.accounts.mail.entity.OutboxMail;
import io.github.accounts.persistence.control.Database;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background worker that empties the outbox: every second it claims the due mails and sends them, outside any
 * transaction and request, one SMTP round trip at a time; a failure is tried again later (see {@code Backoff}).
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    /** This node, as the owner of the mails it claims. */
    final String node = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    /** After the outbox could not be read (a database outage), the worker pauses instead of failing every second. */
    static final long PAUSE_AFTER_FAILURE_SECONDS = 15;
    private volatile Instant pausedUntil = Instant.MIN;

    @Inject
    Clock clock;

    @EJB
    Outbox outbox;

    @EJB
    Database database;

    @Inject
    MailSender sender;

    @PostConstruct
    void announce() {
        if (sender.logsOnly()) {
            LOG.warning("MAIL_SMTP_HOST is not set: mails are written to this log, not sent (see the README to send them)");
        } else {
            LOG.info("mails are sent over SMTP");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void deliver() {
        if (!database.isReady() || clock.instant().isBefore(pausedUntil) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (OutboxMail mail : outbox.claim(node)) {
                deliver(mail);
            }
        } catch (RuntimeException e) {
            pausedUntil = clock.instant().plusSeconds(PAUSE_AFTER_FAILURE_SECONDS);
            LOG.log(Level.FINE, "the outbox could not be read now", e);
        } finally {
            running.set(false);
        }
    }

    private void deliver(OutboxMail mail) {
        try {
            sender.send(mail);
        } catch (MessagingException | RuntimeException e) {
            boolean again = outbox.failed(mail.getId(), node, e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.log(Level.WARNING, "mail {0} could not be sent (attempt {1}){2}: {3}",
                    new Object[] {mail.getId(), mail.getAttempts() + 1, again ? ", will be tried again" : ", given up", e.toString()});
            return;
        }
        outbox.sent(mail.getId(), node);
    }
}
