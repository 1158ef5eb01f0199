package io.github.accounts.persistence.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.function.IntPredicate;

/**
 * What happens once the current transaction has ended: a report or a message sent only when its change is durable,
 * an entry made in memory ahead of it taken back when it is not. Outside a transaction the work runs at once
 * ({@link #afterCommit}) or not at all ({@link #unlessCommitted}).
 */
@ApplicationScoped
public class Transactions {

    @Resource
    TransactionSynchronizationRegistry registry;

    /** Runs {@code work} once the current transaction has committed (at once when there is none). */
    public void afterCommit(Runnable work) {
        if (!active()) {
            work.run();
            return;
        }
        onEnd(status -> status == Status.STATUS_COMMITTED, work);
    }

    /** Runs {@code undo} if the current transaction ends without committing. */
    public void unlessCommitted(Runnable undo) {
        if (active()) {
            onEnd(status -> status != Status.STATUS_COMMITTED, undo);
        }
    }

    private boolean active() {
        return registry != null && registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private void onEnd(IntPredicate when, Runnable work) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the work depends on how the transaction ended
            }

            @Override
            public void afterCompletion(int status) {
                if (when.test(status)) {
                    work.run();
                }
            }
        });
    }
}
