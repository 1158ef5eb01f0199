package io.github.accounts.throttling.boundary;

import io.github.accounts.throttling.control.Counters;
import io.github.accounts.persistence.control.Database;
import io.github.accounts.persistence.control.DatabaseReady;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets what the brute-force defense no longer needs: expired rate counters, and login records (of known and
 * unknown emails alike) quiet for a day. At startup (a node that was down for a while cleans up at once) and every
 * ten minutes.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CounterPurge {

    private static final Logger LOG = Logger.getLogger(CounterPurge.class.getName());

    @EJB
    Counters counters;

    @EJB
    Database database;

    @Inject
    Clock clock;

    @PostConstruct
    void start() {
        if (database.isReady()) {
            purge();
        }
    }

    public void databaseReady(@Observes DatabaseReady ready) {
        purge();
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void purge() {
        try {
            int purged = counters.purgeExpired(clock.instant().getEpochSecond());
            LOG.fine(() -> purged + " expired counters and quiet login records purged");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot purge the throttling counters now; next time: {0}", e.getMessage());
        }
    }
}
