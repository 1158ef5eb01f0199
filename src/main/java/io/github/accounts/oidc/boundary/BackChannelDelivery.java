package io.github.accounts.oidc.boundary;

import io.github.accounts.delivery.boundary.Deliveries;
import io.github.accounts.delivery.control.Backoff;
import io.github.accounts.delivery.control.Rounds;
import io.github.accounts.oidc.control.BackChannelLogout;
import io.github.accounts.oidc.entity.LogoutNotice;
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

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background worker that delivers back-channel logouts: every second it claims the due notices (one node each,
 * like the mail outbox) and posts their logout tokens, outside any transaction and request; a failure is tried
 * again by {@link BackChannelLogout#RETRY}. Failures are logged with the client's URI, never the token.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackChannelDelivery {

    private static final Logger LOG = Logger.getLogger(BackChannelDelivery.class.getName());

    private Rounds rounds;

    @Inject
    Clock clock;

    @EJB
    Deliveries deliveries;

    @EJB
    Database database;

    @Inject
    BackChannelLogout backChannel;

    @PostConstruct
    void init() {
        rounds = new Rounds(clock, Deliveries.LEASE_SECONDS);
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void deliver() {
        if (database.isReady()) {
            rounds.run(() -> deliveries.claim(LogoutNotice.class, rounds.owner()), this::deliver);
        }
    }

    private void deliver(LogoutNotice notice) {
        Optional<BackChannelLogout.Message> message = backChannel.message(notice);
        if (message.isEmpty()) {
            deliveries.failed(LogoutNotice.class, notice.getId(), rounds.owner(), "the client is gone or has no back-channel logout URI", Backoff.NONE);
            return;
        }
        Optional<String> failure;
        try {
            failure = backChannel.post(message.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure.isEmpty()) {
            deliveries.sent(LogoutNotice.class, notice.getId(), rounds.owner());
            return;
        }
        boolean again = deliveries.failed(LogoutNotice.class, notice.getId(), rounds.owner(), failure.get(), BackChannelLogout.RETRY);
        LOG.log(Level.WARNING, "back-channel logout to {0} failed (attempt {1}){2}: {3}", new Object[] {message.get().target(),
                notice.getAttempts() + 1, again ? ", will be tried again" : ", given up", failure.get()});
    }
}
