package io.github.accounts.mail.boundary;

import io.github.accounts.delivery.boundary.Deliveries;
import io.github.accounts.delivery.control.Rounds;
import io.github.accounts.mail.control.MailSender;
import io.github.accounts.mail.control.MailSettings;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background worker that empties the outbox: every second it claims the due mails and sends them, outside any
 * transaction and request, one SMTP round trip at a time; a failure is tried again later (MAIL_RETRY_SECONDS,
 * doubling).
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    private Rounds rounds;

    @Inject
    Clock clock;

    @EJB
    Deliveries deliveries;

    @EJB
    Database database;

    @Inject
    MailSender sender;

    @Inject
    MailSettings settings;

    @PostConstruct
    void announce() {
        rounds = new Rounds(clock, Deliveries.LEASE_SECONDS);
        if (sender.logsOnly()) {
            LOG.warning("MAIL_SMTP_HOST is not set: mails are written to this log, not sent (see the README to send them)");
        } else {
            LOG.info("mails are sent over SMTP");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void deliver() {
        if (database.isReady()) {
            rounds.run(() -> deliveries.claim(OutboxMail.class, rounds.owner()), this::deliver);
        }
    }

    private void deliver(OutboxMail mail) {
        try {
            sender.send(mail);
        } catch (MessagingException | RuntimeException e) {
            boolean again = deliveries.failed(OutboxMail.class, mail.getId(), rounds.owner(), e.getClass().getSimpleName() + ": " + e.getMessage(),
                    settings.backoff());
            LOG.log(Level.WARNING, "mail {0} could not be sent (attempt {1}){2}: {3}",
                    new Object[] {mail.getId(), mail.getAttempts() + 1, again ? ", will be tried again" : ", given up", e.toString()});
            return;
        }
        deliveries.sent(OutboxMail.class, mail.getId(), rounds.owner());
    }
}
