package io.github.accounts.users.entity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stamps a user's creation and last change with the application's clock. Payara does not hand CDI to Hibernate, so
 * the listener cannot be injected: it asks CDI for the clock when it first needs it (unit tests set it).
 */
public class UserTimestamps {

    Clock clock;

    @PrePersist
    void created(User user) {
        user.stamp(now(), true);
    }

    @PreUpdate
    void updated(User user) {
        user.stamp(now(), false);
    }

    private Instant now() {
        if (clock == null) {
            clock = CDI.current().select(Clock.class).get();
        }
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
