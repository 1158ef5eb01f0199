package io.github.accounts.delivery.boundary;

import io.github.accounts.delivery.control.Backoff;
import io.github.accounts.delivery.entity.OutboxEntry;
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
 * The outboxes' bookkeeping, each step in a transaction of its own: a node claims the due entries of one kind (each
 * by a conditional update, so an entry another node claimed is skipped and no two nodes deliver the same one),
 * then records how each attempt went.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Deliveries {

    public static final int BATCH = 20;
    /**
     * How long a claim holds: no other node takes the entry meanwhile. A node works through its batch for half of
     * this at most ({@link io.github.accounts.delivery.control.Rounds}), so a claim does not run out under it.
     */
    public static final long LEASE_SECONDS = 120;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Claims the due entries of {@code type} for {@code owner}; they come back detached. */
    public <T extends OutboxEntry> List<T> claim(Class<T> type, String owner) {
        long now = now();
        String entity = em.getMetamodel().entity(type).getName();
        List<Long> due = em.createQuery("SELECT e.id FROM " + entity + " e WHERE e.sentAt IS NULL AND e.gaveUpAt IS NULL"
                        + " AND e.nextAttemptAt <= :now AND (e.leaseUntil IS NULL OR e.leaseUntil < :now) ORDER BY e.nextAttemptAt, e.id", Long.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList();
        List<T> claimed = new ArrayList<>();
        for (Long id : due) {
            int updated = em.createQuery("UPDATE " + entity + " e SET e.leaseOwner = :owner, e.leaseUntil = :until"
                            + " WHERE e.id = :id AND e.sentAt IS NULL AND e.gaveUpAt IS NULL AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)")
                    .setParameter("owner", owner).setParameter("until", now + LEASE_SECONDS).setParameter("id", id).setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                T entry = em.find(type, id);
                em.refresh(entry);
                claimed.add(entry);
            }
        }
        em.flush();
        claimed.forEach(em::detach);
        return claimed;
    }

    /** Delivered, if {@code owner} still holds the entry. */
    public void sent(Class<? extends OutboxEntry> type, long id, String owner) {
        OutboxEntry entry = em.find(type, id);
        if (entry != null && owner.equals(entry.getLeaseOwner())) {
            entry.sent(now());
        }
    }

    /** @return whether the entry will be tried again (by {@code backoff}) */
    public boolean failed(Class<? extends OutboxEntry> type, long id, String owner, String error, Backoff backoff) {
        OutboxEntry entry = em.find(type, id);
        if (entry == null || !owner.equals(entry.getLeaseOwner())) {
            return true;
        }
        long now = now();
        var retryAt = backoff.nextAttempt(entry.getAttempts() + 1, now);
        entry.failed(error, now, retryAt);
        return retryAt.isPresent();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
