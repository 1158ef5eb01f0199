package io.github.accounts.delivery.control;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background worker's rounds over one outbox: one round at a time (a round still sending when the next is due is
 * not joined), the claimed entries handed on one by one for no longer than half a claim's lease (the rest are left
 * for their claim to run out and be taken again), and a pause after the outbox could not be read (a database
 * outage) instead of failing every second.
 */
public final class Rounds {

    static final long PAUSE_AFTER_FAILURE_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(Rounds.class.getName());

    private final String owner = UUID.randomUUID().toString();
    private final Clock clock;
    private final long workSeconds;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant pausedUntil = Instant.MIN;

    /** @param leaseSeconds how long a claim holds */
    public Rounds(Clock clock, long leaseSeconds) {
        this.clock = clock;
        this.workSeconds = leaseSeconds / 2;
    }

    /** This node, as the owner of the entries it claims. */
    public String owner() {
        return owner;
    }

    /** One round: {@code claim}, then {@code deliver} each entry while the claim is young enough. */
    public <T> void run(Supplier<List<T>> claim, Consumer<T> deliver) {
        Instant start = clock.instant();
        if (start.isBefore(pausedUntil) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant stop = start.plusSeconds(workSeconds);
            for (T entry : claim.get()) {
                if (!clock.instant().isBefore(stop)) {
                    return;
                }
                deliver.accept(entry);
            }
        } catch (RuntimeException e) {
            pausedUntil = clock.instant().plusSeconds(PAUSE_AFTER_FAILURE_SECONDS);
            LOG.log(Level.FINE, "an outbox could not be read now", e);
        } finally {
            running.set(false);
        }
    }
}
